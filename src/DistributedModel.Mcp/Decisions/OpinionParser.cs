using System.Text.Json;
using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Hosting;

namespace DistributedModel.Mcp.Decisions;

/// <summary>Validates a consultant's JSON answer (see <see cref="OpinionSchema"/>); reports what is wrong so one retry can fix it.</summary>
internal static class OpinionParser
{
    public static bool TryParse(string text, out Opinion? opinion, out string problem)
    {
        opinion = null;
        if (text.Length > InputLimits.MaxOpinionChars)
        {
            problem = $"the answer is {text.Length:N0} characters, over the {InputLimits.MaxOpinionChars:N0}-character limit";
            return false;
        }
        var json = StripFences(text);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException ex)
        {
            problem = "not valid JSON (" + Text.Shorten(ex.Message.Split('.')[0], 120) + ")";
            return false;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { problem = "not a JSON object"; return false; }
            var verdictText = Str(root, "verdict");
            if (!Enum.TryParse<Verdict>(verdictText, ignoreCase: true, out var verdict) || !Enum.IsDefined(verdict) || int.TryParse(verdictText, out _))
            {
                problem = $"\"verdict\" must be one of AFFIRM, MODIFY, REVERSE, DEFER (got {(verdictText is null ? "nothing" : "\"" + Text.Shorten(verdictText, 40) + "\"")})";
                return false;
            }
            var rationale = Str(root, "rationale");
            var position = Str(root, "position");
            if (string.IsNullOrWhiteSpace(rationale)) { problem = "\"rationale\" is missing or empty"; return false; }
            if (string.IsNullOrWhiteSpace(position)) { problem = "\"position\" is missing or empty"; return false; }
            var options = new List<OptionAssessment>();
            if (root.TryGetProperty("options", out var opts) && opts.ValueKind == JsonValueKind.Array)
                foreach (var o in opts.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object))
                    options.Add(new OptionAssessment(Str(o, "name") ?? "(unnamed)", List(o, "pros"), List(o, "cons")));
            opinion = new Opinion(Str(root, "title") ?? "", Str(root, "context") ?? "", options, position.Trim(), verdict,
                rationale.Trim(), List(root, "consequences"));
            problem = "";
            return true;
        }
    }

    private static string StripFences(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("```", StringComparison.Ordinal))
        {
            var firstNewline = t.IndexOf('\n', StringComparison.Ordinal);
            var lastFence = t.LastIndexOf("```", StringComparison.Ordinal);
            if (firstNewline > 0 && lastFence > firstNewline) t = t[(firstNewline + 1)..lastFence];
        }
        return t.Trim();
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> List(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
}
