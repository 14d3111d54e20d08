using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// Chooses which lines of a <see cref="ScannedOutput"/> fit the budget, in priority order, pricing each choice exactly
/// or from above: the line's bytes, the elision marker a new gap needs (a gap never costs more than
/// <see cref="_gapCost"/>), and the group marker of its template the first time one of its lines is chosen.
/// What the renderer writes is therefore never larger than what was priced here. A template's variation summary
/// (<see cref="VariationSummary"/>) is bought separately, after the distinct templates, and priced the same way.
/// </summary>
internal sealed class BudgetPlanner
{
    private readonly ScannedOutput _o;
    private readonly bool[] _selected;
    private readonly bool[] _grouped;
    private readonly bool[] _blank;
    private readonly int[] _count, _first, _last, _next;
    private readonly int _gapCost;
    private string?[]? _variation;
    private long _remaining;
    private bool _noRepeats;

    public BudgetPlanner(ScannedOutput output, long budget)
    {
        _o = output;
        int n = output.Count;
        _selected = new bool[n];
        _count = new int[output.TemplateCount];
        _first = new int[output.TemplateCount];
        _last = new int[output.TemplateCount];
        _next = new int[n];
        Array.Fill(_first, -1);
        for (int i = 0; i < n; i++)
        {
            int t = output.Templates[i];
            if (_first[t] < 0) _first[t] = i;
            else _next[_last[t]] = i;
            _last[t] = i;
            _count[t]++;
        }
        _grouped = new bool[output.TemplateCount];
        _blank = new bool[output.TemplateCount];
        for (int t = 0; t < output.TemplateCount; t++) _blank[t] = output.Frames[_first[t]] || output.Lines[_first[t]].Span.IsWhiteSpace();
        _gapCost = Markers.Elided(Math.Max(n, 2)).Length + 3; // '…' is 3 bytes in UTF-8, the newline 1
        _remaining = budget - (n > 0 ? _gapCost : 0);
    }

    public bool[] Selected => _selected;

    /// <summary>Bytes of the budget not yet spent.</summary>
    public long Remaining => _remaining;

    public int CountOf(int template) => _count[template];

    public int FirstOf(int template) => _first[template];

    public int LastOf(int template) => _last[template];

    /// <summary>True once a line of the template is chosen.</summary>
    public bool IsShown(int template) => _grouped[template];

    /// <summary>The marker written after the first chosen line of a template that has more lines than were chosen, with
    /// its variation summary when that was bought.</summary>
    public string GroupMarker(int template) =>
        Markers.Group(_count[template], _first[template] + 1, _last[template] + 1, _variation?[template]);

    /// <summary>From now on only lines of templates with no chosen line may be chosen: a failure template is missing, so
    /// no template is shown twice.</summary>
    public void ForbidRepeats() => _noRepeats = true;

    /// <summary>Adds to the group marker of a shown template what varies across its lines, when that can be said and
    /// still fits; true when bought (now or before).</summary>
    public bool TryAddVariation(int template)
    {
        if (_variation?[template] is not null) return true;
        if (!_grouped[template] || !NeedsGroupMarker(template) || Full) return false;
        var plain = GroupMarker(template);
        int plainBytes = Utf8.Count(plain);
        var summary = VariationSummary.Of(_o, _first[template], _last[template], _next, _count[template], VariationSummary.MaxMarkerBytes - plainBytes - VariationSummary.SeparatorBytes);
        if (summary is null) return false;
        _variation ??= new string?[_o.TemplateCount];
        _variation[template] = summary;
        long cost = Utf8.Count(GroupMarker(template)) - plainBytes;
        if (cost > _remaining) { _variation[template] = null; return false; }
        _remaining -= cost;
        return true;
    }

    /// <summary>True when the template has more than one line and is neither blank nor a stack frame (their error's count says it).</summary>
    public bool NeedsGroupMarker(int template) => _count[template] > 1 && !_blank[template];

    /// <summary>Chooses line <paramref name="i"/> when it still fits; true when it is chosen (now or before).</summary>
    public bool TryAdd(int i)
    {
        if (_selected[i]) return true;
        int t = _o.Templates[i];
        if (_noRepeats && _grouped[t]) return false;
        long cost = _o.Costs[i];
        bool left = i > 0 && !_selected[i - 1];
        bool right = i < _o.Count - 1 && !_selected[i + 1];
        if (left && right) cost += _gapCost;
        else if (!left && !right) cost -= _gapCost;
        if (!_grouped[t] && NeedsGroupMarker(t)) cost += Utf8.Count(GroupMarker(t)) + 1;
        if (cost > _remaining) return false;
        _remaining -= cost;
        _selected[i] = true;
        _grouped[t] = true;
        return true;
    }

    /// <summary>Chooses every line that sits alone between two chosen ones when it costs no more than the gap marker it
    /// replaces would, plus what room is left: "[… 1 line elided]" is never better than the line.</summary>
    public void FillSingleLineGaps()
    {
        for (int i = 1; i < _o.Count - 1; i++)
            if (!_selected[i] && _selected[i - 1] && _selected[i + 1]) TryAdd(i);
    }

    /// <summary>True when nothing more can fit (not even a short line).</summary>
    public bool Full => _remaining < 24;
}
