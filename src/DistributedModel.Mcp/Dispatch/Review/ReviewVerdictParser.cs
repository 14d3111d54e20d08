using System.Globalization;
using System.Text.Json;

namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// Validates a reviewer's reply into a <see cref="ReviewVerdict"/>. Accepts the JSON object alone or wrapped in prose or
/// a ```json fence, and common synonyms (e.g. "request changes", severity "major"); anything else is rejected with a
/// reason naming the offending field.
/// </summary>
public static class ReviewVerdictParser
{
    private static readonly Dictionary<string, string> SeveritySynonyms = new(StringComparer.Ordinal)
    {
        ["critical"] = "critical", ["blocker"] = "critical",
        ["high"] = "high", ["major"] = "high", ["error"] = "high",
        ["medium"] = "medium", ["moderate"] = "medium", ["warning"] = "medium",
        ["low"] = "low", ["minor"] = "low",
        ["info"] = "info", ["nit"] = "info", ["suggestion"] = "info", ["note"] = "info",
    };

    public static bool TryParse(string? text, out ReviewVerdict? verdict, out string? error)
    {
        verdict = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "empty reply"; return false; }
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) { error = "no JSON object in the reply"; return false; }

        JsonDocument doc;
        try { doc = JsonDocument.Parse(text.AsMemory(start, end - start + 1)); }
        catch (JsonException ex) { error = "invalid JSON: " + ex.Message; return false; }
        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("verdict", out var v) || v.ValueKind != JsonValueKind.String)
            {
                error = "missing string field 'verdict'";
                return false;
            }
            var name = Normalize(v.GetString()!);
            if (name is "requestchanges" or "changes_requested" or "needs_changes") name = ReviewVerdict.RequestChanges;
            if (name is "approved" or "lgtm") name = ReviewVerdict.Approve;
            if (name is "rejected") name = ReviewVerdict.Reject;
            if (!ReviewVerdict.Verdicts.Contains(name))
            {
                error = $"verdict '{v.GetString()}' is not one of {string.Join(", ", ReviewVerdict.Verdicts)}";
                return false;
            }

            var findings = new List<ReviewFinding>();
            if (root.TryGetProperty("findings", out var f) && f.ValueKind != JsonValueKind.Null)
            {
                if (f.ValueKind != JsonValueKind.Array) { error = "'findings' is not an array"; return false; }
                var i = 0;
                foreach (var item in f.EnumerateArray())
                {
                    if (!TryFinding(item, out var finding, out var why))
                    {
                        error = $"findings[{i}]: {why}";
                        return false;
                    }
                    findings.Add(finding!);
                    i++;
                }
            }
            verdict = new ReviewVerdict(name, findings.OrderBy(x => x.Rank).ToList());
            error = null;
            return true;
        }
    }

    private static bool TryFinding(JsonElement e, out ReviewFinding? finding, out string? error)
    {
        finding = null;
        if (e.ValueKind != JsonValueKind.Object) { error = "not an object"; return false; }

        var message = e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.Trim() : "";
        if (message.Length == 0) { error = "missing 'message'"; return false; }

        var file = e.TryGetProperty("file", out var fl) && fl.ValueKind == JsonValueKind.String ? fl.GetString()!.Trim() : "";

        int? line = null;
        if (e.TryGetProperty("line", out var l))
        {
            switch (l.ValueKind)
            {
                case JsonValueKind.Number when l.TryGetInt32(out var n) && n >= 0: line = n; break;
                case JsonValueKind.String when int.TryParse(l.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n): line = n; break;
                case JsonValueKind.Null: break;
                case JsonValueKind.String when string.IsNullOrWhiteSpace(l.GetString()): break;
                default: error = $"'line' must be a non-negative integer or null, got {l.GetRawText()}"; return false;
            }
        }

        var rawSeverity = e.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String ? Normalize(s.GetString()!) : "";
        if (!SeveritySynonyms.TryGetValue(rawSeverity, out var severity))
        {
            error = $"severity '{rawSeverity}' is not one of {string.Join(", ", ReviewFinding.Severities)}";
            return false;
        }
        finding = new ReviewFinding(file, line, severity, message);
        error = null;
        return true;
    }

    private static string Normalize(string s) => s.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
