using System.Text;

namespace DistributedModel.Core.Processes;

/// <summary>Drains one output stream of a child: keeps its last <c>limit</c> characters and hands each line to an observer.</summary>
internal sealed class OutputCapture(int limit, Action<string>? onLine)
{
    private readonly StringBuilder _kept = new();
    private readonly StringBuilder _line = new();
    private bool _truncated;

    public bool Truncated { get { lock (_kept) return _truncated; } }

    public string Text { get { lock (_kept) return _kept.ToString(); } }

    public async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            Keep(buffer.AsSpan(0, n));
            if (onLine is not null) Split(buffer.AsSpan(0, n));
        }
        if (onLine is not null && _line.Length > 0) Emit();
    }

    private void Keep(ReadOnlySpan<char> chunk)
    {
        if (limit <= 0) { lock (_kept) _truncated = true; return; }
        lock (_kept)
        {
            _kept.Append(chunk);
            // Trim in batches, not per chunk: the kept text is at most twice the limit in between.
            if (_kept.Length > 2L * limit) { _kept.Remove(0, _kept.Length - limit); _truncated = true; }
        }
    }

    public void Finish()
    {
        lock (_kept)
            if (_kept.Length > limit && limit > 0) { _kept.Remove(0, _kept.Length - limit); _truncated = true; }
    }

    private void Split(ReadOnlySpan<char> chunk)
    {
        foreach (var c in chunk)
        {
            if (c == '\n') Emit();
            else _line.Append(c);
        }
    }

    private void Emit()
    {
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        var line = _line.ToString();
        _line.Clear();
        try { onLine!(line); }
#pragma warning disable CA1031 // a failing observer must not stop the draining (the child would block on a full pipe)
        catch (Exception) { }
#pragma warning restore CA1031
    }
}
