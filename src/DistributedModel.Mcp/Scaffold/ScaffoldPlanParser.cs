using System.Text;
using System.Text.Json;
using DistributedModel.Mcp.Hosting;

namespace DistributedModel.Mcp.Scaffold;

/// <summary>Validates the scaffold lane's JSON answer: <c>{"files":[{"path","summary","content"}]}</c>.</summary>
internal static class ScaffoldPlanParser
{
    public const string Schema = """
        {"type":"object","additionalProperties":false,"required":["files"],"properties":{"files":{"type":"array","items":{
         "type":"object","additionalProperties":false,"required":["path","summary","content"],
         "properties":{"path":{"type":"string"},"summary":{"type":"string"},"content":{"type":"string"}}}}}}
        """;

    public static bool TryParse(string text, int maxFiles, out IReadOnlyList<ScaffoldFile> files, out string problem)
    {
        files = [];
        if (text.Length > InputLimits.MaxScaffoldAnswerChars)
        {
            problem = $"the answer is {text.Length:N0} characters, over the {InputLimits.MaxScaffoldAnswerChars:N0}-character limit for a scaffold answer";
            return false;
        }
        var t = text.Trim();
        if (t.StartsWith("```", StringComparison.Ordinal) && t.IndexOf('\n', StringComparison.Ordinal) is var nl and > 0
            && t.LastIndexOf("```", StringComparison.Ordinal) is var end && end > nl)
            t = t[(nl + 1)..end];
        try
        {
            using var doc = JsonDocument.Parse(t);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("files", out var arr)
                || arr.ValueKind != JsonValueKind.Array)
            {
                problem = "expected a JSON object with a \"files\" array";
                return false;
            }
            var list = new List<ScaffoldFile>();
            foreach (var f in arr.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object
                    || !f.TryGetProperty("path", out var p) || p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString())
                    || !f.TryGetProperty("content", out var c) || c.ValueKind != JsonValueKind.String)
                {
                    problem = $"files[{list.Count}] needs a non-empty string \"path\" and a string \"content\"";
                    return false;
                }
                if (Encoding.UTF8.GetByteCount(c.GetString()!) > InputLimits.MaxScaffoldFileBytes)
                {
                    problem = $"files[{list.Count}] content is over the {InputLimits.MaxScaffoldFileBytes:N0}-byte limit for one scaffolded file";
                    return false;
                }
                var summary = f.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
                list.Add(new ScaffoldFile(p.GetString()!.Trim(), summary, c.GetString()!));
            }
            if (list.Count == 0) { problem = "\"files\" is empty"; return false; }
            if (list.Count > maxFiles) { problem = $"{list.Count} files is more than the limit of {maxFiles} (mcp.scaffold.maxFiles)"; return false; }
            var dup = list.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) { problem = $"\"{Execution.Text.Shorten(dup.Key, 120)}\" appears twice"; return false; }
            files = list;
            problem = "";
            return true;
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON (" + Execution.Text.Shorten(ex.Message.Split('.')[0], 120) + ")";
            return false;
        }
    }
}
