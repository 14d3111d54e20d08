using System.ComponentModel;
using DistributedModel.Mcp.Dispatch.Results;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>The <c>dispatch</c> MCP tool: hand an implementation brief to codex, get back only the branch and the reviewers' verdicts.</summary>
[McpServerToolType]
public sealed class DispatchTools
{
    [McpServerTool(Name = "dispatch", ReadOnly = false, Destructive = false, OpenWorld = true)]
    [Description("Delegate an implementation task. Codex (OpenAI) writes the change in its own git worktree on a new branch "
        + "dm/<slug>-<id> created from `base` (default HEAD; the user's checkout is never touched and must be clean when base is omitted), "
        + "the change is committed there, then 2-3 reviewers of another model family (local Ollama by default) judge the diff "
        + "concurrently (correctness, quality, optionally security). Returns only: branch, diffstat, each reviewer's verdict "
        + "(approve | request_changes | reject) with its top findings, and the folder (.claude/dm/dispatch/<id>/) holding the "
        + "full diff, codex's event log and the full reviews. Takes minutes; progress is reported.")]
    public static async Task<CallToolResult> Dispatch(
        DispatchService service,
        IProgress<ProgressNotificationValue> progress,
        [Description("What to implement: goal, constraints, files or tests to touch, how to check it. Codex sees only this and the repository.")]
        string brief,
        [Description("Commit or branch to start from (default: HEAD, which must have no uncommitted changes to tracked files).")]
        string? @base = null,
        [Description("Up to 3 reviewers as [framing:]provider[/model], framing correctness|quality|security, provider ollama|gemini|deepseek, "
            + "e.g. [\"ollama/glm-4.7-flash\", \"security:gemini\"]. Default from .claude/dm.json dispatch.reviewers. "
            + "OpenAI-family reviewers (gpt*, o-series, codex, gpt-oss) are refused: codex is the writer.")]
        string[]? reviewers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var outcome = await service.RunAsync(new DispatchRequest(brief, @base, reviewers), new ProgressRelay(progress), cancellationToken)
            .ConfigureAwait(false);
        var text = DispatchResultFormatter.Format(outcome, service.ResultBudgetBytes);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            IsError = outcome.Status != DispatchStatus.Completed,
        };
    }

    /// <summary>Turns the engine's progress messages into numbered MCP progress notifications, in order.</summary>
    private sealed class ProgressRelay(IProgress<ProgressNotificationValue>? target) : IProgress<string>
    {
        private readonly Lock _gate = new();
        private int _step;

        public void Report(string value)
        {
            lock (_gate) target?.Report(new ProgressNotificationValue { Progress = ++_step, Message = value });
        }
    }
}
