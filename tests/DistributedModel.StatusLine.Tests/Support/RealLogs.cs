using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Core.Ledger;
using DistributedModel.Core.Logging;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Testing.Corpus;
using Microsoft.Extensions.Time.Testing;

namespace DistributedModel.StatusLine.Tests.Support;

/// <summary>
/// Real log lines for the status line tests: hooks.log lines written by the real PostToolUse hook body
/// (<see cref="PostToolUseHook.Main"/>: HookRunner, compressor, AtomicAppender) on real tool outputs from the corpus,
/// and ledger lines serialized with the writer's own contract (<see cref="LedgerJsonContext"/>, LedgerWriter's
/// timestamp format), appended with the same <see cref="AtomicAppender"/>.
/// </summary>
public static class RealLogs
{
    /// <summary>Runs the real hook on a Bash call printing the corpus item <paramref name="corpusName"/>, at <paramref name="at"/>.</summary>
    public static void RunHook(string workspace, string corpusName, DateTimeOffset at)
    {
        var stdout = RealOutputs.Load(corpusName);
        var json = new JsonObject
        {
            ["session_id"] = "0b7c7a3e-1111-2222-3333-444455556666",
            ["transcript_path"] = Path.Combine(workspace, "transcript.jsonl"),
            ["cwd"] = workspace,
            ["permission_mode"] = "default",
            ["hook_event_name"] = "PostToolUse",
            ["tool_name"] = "Bash",
            ["tool_input"] = new JsonObject { ["command"] = "cat build.log", ["description"] = "Show the log" },
            ["tool_response"] = new JsonObject { ["stdout"] = stdout, ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false },
        }.ToJsonString();
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(json));
        using var output = new MemoryStream();
        var exit = PostToolUseHook.Main(stdin, output, time: new FakeTimeProvider(at));
        if (exit != 0) throw new InvalidOperationException($"PostToolUse exited {exit}");
        if (!File.Exists(new WorkspacePaths(workspace).HooksLog))
            throw new InvalidOperationException("the hook wrote no hooks.log in the workspace (is CLAUDE_PROJECT_DIR set in the test environment?)");
    }

    /// <summary>Appends one ledger line as LedgerWriter does.</summary>
    public static void AppendLedger(string workspace, DateTimeOffset at, decimal? cost, string lane = "summarize", bool? unpriced = null)
    {
        var record = new LedgerRecord
        {
            Ts = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Lane = lane, Provider = "gemini", Model = "gemini-2.5-flash", In = 12_000, Out = 800, CostUsd = cost, Unpriced = unpriced,
            BaselineUsd = 0.05m, Ms = 900, Attempts = 1, Outcome = LedgerOutcome.Ok,
        };
        var paths = new WorkspacePaths(workspace);
        AtomicAppender.AppendLine(paths.PrepareWrite(paths.Ledger), JsonSerializer.Serialize(record, LedgerJsonContext.Default.LedgerRecord));
    }

    /// <summary>The hooks.log lines as the report reads them.</summary>
    public static List<HookLogRecord> ReadHooks(string workspace) =>
        [.. File.ReadAllLines(new WorkspacePaths(workspace).HooksLog).Select(l => JsonSerializer.Deserialize(l, HookLogJsonContext.Default.HookLogRecord)!)];
}
