using System.Globalization;
using System.Text;
using System.Text.Json;
using DistributedModel.Core.Json;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// Reads one Claude Code transcript (<c>~/.claude/projects/&lt;slug&gt;/&lt;session-id&gt;.jsonl</c>) read-only and tolerantly:
/// a line that is not a JSON object (a truncated last line) is counted and skipped, a record type this reader does not
/// know is counted and skipped, a field with an unexpected shape is ignored. Format as written by Claude Code 2.1.197–2.1.332:
/// <c>assistant</c> records carry <c>message.content[]</c> with <c>tool_use</c> blocks; the next <c>user</c> record carries the
/// <c>tool_result</c> block (what entered the context) and <c>toolUseResult</c> (the tool's structured response).
/// </summary>
public static class TranscriptReader
{
    /// <summary>Record types Claude Code writes (seen in 2.1.197 and 2.1.332): the ones discover reads (<c>user</c>,
    /// <c>assistant</c>) and those that carry nothing it needs. Any other type is counted as unknown and skipped.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "user", "assistant", "system", "attachment", "summary", "queue-operation", "last-prompt",
        "file-history-snapshot", "custom-title", "progress",
        "api-request", "api-request-blob", "api-request-shape", "atis-latch", "tools-used", "cost-state",
    };

    public static SessionTranscript Read(string file)
    {
        var id = Path.GetFileNameWithoutExtension(file);
        var session = new SessionTranscript
        {
            SessionId = id,
            File = file,
            ToolResultsDir = Path.Combine(Path.GetDirectoryName(file)!, id, "tool-results"),
        };
        var pending = new Dictionary<string, (string Name, JsonElement? Input, DateTimeOffset? At)>(StringComparer.Ordinal);
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        using var reader = new StreamReader(fs, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException) { session.UnreadableLines++; continue; }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { session.UnreadableLines++; continue; }
                Record(session, root, pending);
            }
        }
        return session;
    }

    private static void Record(SessionTranscript s, JsonElement root, Dictionary<string, (string, JsonElement?, DateTimeOffset?)> pending)
    {
        var type = JsonFields.Str(root, "type") ?? "(none)";
        s.RecordTypes[type] = s.RecordTypes.GetValueOrDefault(type) + 1;
        if (!KnownTypes.Contains(type))
        {
            s.UnknownTypes[type] = s.UnknownTypes.GetValueOrDefault(type) + 1;
            return;
        }
        var ts = Time(root);
        if (ts is { } t)
        {
            if (s.First is null || t < s.First) s.First = t;
            if (s.Last is null || t > s.Last) s.Last = t;
        }
        s.Cwd ??= JsonFields.Str(root, "cwd");
        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object) return;
        if (!message.TryGetProperty("content", out var content)) return;

        if (type == "assistant" && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                if (block.ValueKind != JsonValueKind.Object || JsonFields.Str(block, "type") != "tool_use") continue;
                if (JsonFields.Str(block, "id") is not { } toolUseId) continue;
                JsonElement? input = block.TryGetProperty("input", out var i) ? i.Clone() : null;
                pending[toolUseId] = (JsonFields.Str(block, "name") ?? "?", input, ts);
            }
            return;
        }
        if (type != "user") return;

        bool isMeta = root.TryGetProperty("isMeta", out var m) && m.ValueKind == JsonValueKind.True;
        bool isSidechain = root.TryGetProperty("isSidechain", out var sc) && sc.ValueKind == JsonValueKind.True;
        if (content.ValueKind == JsonValueKind.String)
        {
            if (!isMeta && !isSidechain) AddPrompt(s, content.GetString()!);
            return;
        }
        if (content.ValueKind != JsonValueKind.Array) return;

        var results = new List<JsonElement>();
        var text = new StringBuilder();
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object) continue;
            switch (JsonFields.Str(block, "type"))
            {
                case "tool_result": results.Add(block); break;
                case "text" when JsonFields.Str(block, "text") is { } part: text.Append(text.Length > 0 ? "\n" : "").Append(part); break;
            }
        }
        if (results.Count == 0)
        {
            if (!isMeta && !isSidechain && text.Length > 0) AddPrompt(s, text.ToString());
            return;
        }
        // toolUseResult belongs to the record; Claude Code writes one tool_result per record, so only then is it unambiguous.
        JsonElement? response = results.Count == 1 && root.TryGetProperty("toolUseResult", out var r) ? r.Clone() : null;
        foreach (var block in results)
        {
            var toolUseId = JsonFields.Str(block, "tool_use_id") ?? "";
            bool known = pending.Remove(toolUseId, out var call);
            if (!known) s.OrphanResults++;
            bool isError = block.TryGetProperty("is_error", out var e) && e.ValueKind == JsonValueKind.True;
            s.ToolCalls.Add(new TranscriptToolCall(toolUseId, known ? call.Item1 : "?", known ? call.Item2 : null,
                ContentText(block), response, isError, ts) { CalledAt = known ? call.Item3 : null });
        }
    }

    /// <summary>A typed prompt; Claude Code's own wrappers (slash-command echoes, local command output) are not prompts.</summary>
    private static void AddPrompt(SessionTranscript s, string prompt)
    {
        var trimmed = prompt.TrimStart();
        if (trimmed.StartsWith("<command-", StringComparison.Ordinal) || trimmed.StartsWith("<local-command-", StringComparison.Ordinal)
            || trimmed.StartsWith("<bash-", StringComparison.Ordinal) || trimmed.StartsWith("<system-reminder>", StringComparison.Ordinal)
            || trimmed.StartsWith("[Request interrupted", StringComparison.Ordinal))
            return;
        s.Prompts.Add(prompt);
    }

    /// <summary>The text of a tool_result block: a string, or the text parts of an array of content blocks.</summary>
    public static string ContentText(JsonElement block)
    {
        if (!block.TryGetProperty("content", out var c)) return "";
        if (c.ValueKind == JsonValueKind.String) return c.GetString()!;
        if (c.ValueKind != JsonValueKind.Array) return "";
        var sb = new StringBuilder();
        foreach (var part in c.EnumerateArray())
            if (part.ValueKind == JsonValueKind.Object && JsonFields.Str(part, "text") is { } t) sb.Append(t);
        return sb.ToString();
    }

    private static DateTimeOffset? Time(JsonElement e) => JsonFields.Time(e, "timestamp");
}
