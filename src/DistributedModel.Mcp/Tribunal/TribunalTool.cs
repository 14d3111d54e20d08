using System.ComponentModel;
using DistributedModel.Mcp.Execution;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace DistributedModel.Mcp.Tribunal;

/// <summary>The <c>tribunal</c> MCP tool.</summary>
[McpServerToolType]
public sealed class TribunalTool
{
    [McpServerTool(Name = "tribunal", ReadOnly = false, Destructive = false, OpenWorld = true)]
    [Description("Same question to 3 providers in parallel, independently (no anchoring); majority verdict + brief dissent, "
        + "partial if one fails. One audits/ record. Use for routing/policy changes.")]
    internal static Task<string> Tribunal(
        ToolRunner runner,
        TribunalService service,
        IProgress<ProgressNotificationValue> progress,
        [Description("The decision to judge")] string question,
        [Description("Your current plan, to affirm or overturn")] string? proposal = null,
        [Description("Relevant workspace files or globs")] string[]? paths = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("tribunal", progress, ctx => service.JudgeAsync(question, proposal, paths, ctx), cancellationToken);
}
