using System.Text.Json;

namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>
/// Follows the JSON Lines stream of <c>codex exec --json</c>: counts commands and file changes, keeps the final agent
/// message, token usage and errors, and turns notable events into short progress messages. Unknown or malformed lines
/// are counted and otherwise ignored (the raw stream is kept in the event log).
/// </summary>
public sealed class CodexEventTracker(string workingDirectory)
{
    private readonly HashSet<string> _changedFiles = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public string? ThreadId { get; private set; }
    public int Commands { get; private set; }
    public int FailedCommands { get; private set; }
    public IReadOnlyCollection<string> ChangedFiles => _changedFiles;
    /// <summary>Patches codex tried and failed to apply (not counted as edits).</summary>
    public int FailedFileChanges { get; private set; }
    public string? FinalMessage { get; private set; }
    public CodexUsage? Usage { get; private set; }
    public bool TurnCompleted { get; private set; }
    public bool TurnFailed { get; private set; }
    public string? FailureMessage { get; private set; }
    public IReadOnlyList<string> Errors => _errors;
    public int UnparsedLines { get; private set; }
    public int Events { get; private set; }

    /// <summary>Applies one stdout line; returns a progress message for notable events, else null.</summary>
    public string? Apply(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException) { UnparsedLines++; return null; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { } type) { UnparsedLines++; return null; }
            Events++;
            switch (type)
            {
                case "thread.started":
                    ThreadId = Str(root, "thread_id");
                    return "codex started";
                case "turn.completed":
                    TurnCompleted = true;
                    if (root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
                    {
                        var usage = new CodexUsage(Long(u, "input_tokens"), Long(u, "cached_input_tokens"),
                            Long(u, "output_tokens"), Long(u, "reasoning_output_tokens"))
                        {
                            CacheWrite = Long(u, "cache_write_input_tokens"),
                        };
                        Usage = Usage is null ? usage : Usage.Add(usage);
                    }
                    return $"codex finished the turn ({Usage?.Input ?? 0} tokens in, {Usage?.Output ?? 0} out)";
                case "turn.failed":
                    TurnFailed = true;
                    FailureMessage = root.TryGetProperty("error", out var e) ? Str(e, "message") ?? e.ToString() : "turn failed";
                    return "codex failed: " + Clip(FailureMessage, 160);
                case "error":
                    if (Str(root, "message") is { } message) _errors.Add(message);
                    return null;
                case "item.started":
                case "item.completed":
                    return root.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object
                        ? ApplyItem(item, completed: type == "item.completed")
                        : null;
                default:
                    return null;
            }
        }
    }

    private string? ApplyItem(JsonElement item, bool completed)
    {
        switch (Str(item, "type"))
        {
            case "command_execution":
                var command = Clip(Str(item, "command") ?? "", 120);
                if (!completed) return "codex runs: " + command;
                Commands++;
                if (item.TryGetProperty("exit_code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0)
                    FailedCommands++;
                return null;
            // A patch codex could not apply ends as file_change with status "failed" (codex's PatchApplyStatus): no edit.
            case "file_change" when completed && Str(item, "status") == "failed":
                FailedFileChanges++;
                return "codex edit failed: " + Clip(string.Join(", ", Paths(item)), 160);
            case "file_change" when completed:
                var names = new List<string>();
                if (item.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
                    foreach (var c in changes.EnumerateArray())
                        if (Str(c, "path") is { } path)
                        {
                            var rel = Relative(path);
                            _changedFiles.Add(rel);
                            names.Add($"{Str(c, "kind") ?? "change"} {rel}");
                        }
                return "codex edits: " + Clip(string.Join(", ", names), 160);
            case "agent_message" when completed:
                FinalMessage = Str(item, "text");
                return null;
            case "error" when completed:
                if (Str(item, "message") is { } m) _errors.Add(m);
                return null;
            default:
                return null;
        }
    }

    private IEnumerable<string> Paths(JsonElement item) =>
        item.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array
            ? changes.EnumerateArray().Select(c => Str(c, "path")).OfType<string>().Select(Relative).ToList()
            : [];

    private string Relative(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        var rel = Path.GetRelativePath(workingDirectory, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;

    internal static string Clip(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)] + "…";
    }
}
