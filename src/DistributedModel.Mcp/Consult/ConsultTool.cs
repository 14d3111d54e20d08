using System.ComponentModel;
using DistributedModel.Mcp.Execution;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace DistributedModel.Mcp.Consult;

/// <summary>The <c>consult</c> MCP tool.</summary>
[McpServerToolType]
public sealed class ConsultTool
{
    [McpServerTool(Name = "consult", ReadOnly = false, Destructive = false, OpenWorld = true)]
    [Description("Second opinion from a reasoning model on an architecture decision; files are read server-side. "
        + "Writes audits/YYYY-MM-DD-<slug>.md; returns verdict (AFFIRM|MODIFY|REVERSE|DEFER) + short rationale.")]
    internal static Task<string> Consult(
        ToolRunner runner,
        ConsultService service,
        IProgress<ProgressNotificationValue> progress,
        [Description("The decision to judge")] string question,
        [Description("Your current plan, to affirm or overturn")] string? proposal = null,
        [Description("Relevant workspace files or globs")] string[]? paths = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("consult", progress, ctx => service.ConsultAsync(question, proposal, paths, ctx), cancellationToken);
}
