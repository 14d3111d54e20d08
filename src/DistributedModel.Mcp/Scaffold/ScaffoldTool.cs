using System.ComponentModel;
using DistributedModel.Mcp.Execution;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace DistributedModel.Mcp.Scaffold;

/// <summary>The <c>scaffold</c> MCP tool.</summary>
[McpServerToolType]
public sealed class ScaffoldTool
{
    [McpServerTool(Name = "scaffold", ReadOnly = false, Destructive = false, OpenWorld = true)]
    [Description("A cheap model writes boilerplate (CRUD endpoints, DTOs, tests) from a spec into workspace files. "
        + "Returns only the file list with sizes and one-line summaries, not the code. Refuses to overwrite unless asked.")]
    internal static Task<string> Scaffold(
        ToolRunner runner,
        ScaffoldService service,
        IProgress<ProgressNotificationValue> progress,
        [Description("What to generate: files, types, endpoints, conventions")] string spec,
        [Description("Target directory, workspace-relative (default: root)")] string? directory = null,
        [Description("Existing files to imitate")] string[]? examples = null,
        [Description("Replace existing files")] bool overwrite = false,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("scaffold", progress, ctx => service.ScaffoldAsync(spec, directory, overwrite, examples, ctx), cancellationToken);
}
