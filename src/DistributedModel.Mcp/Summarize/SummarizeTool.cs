using System.ComponentModel;
using DistributedModel.Mcp.Execution;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace DistributedModel.Mcp.Summarize;

/// <summary>The <c>summarize</c> MCP tool.</summary>
[McpServerToolType]
public sealed class SummarizeTool
{
    [McpServerTool(Name = "summarize", ReadOnly = true, OpenWorld = true)]
    [Description("Digest large logs/outputs/files without reading them: the server reads the workspace files, compresses them, "
        + "and a cheap model returns a ≤6 KB digest keeping paths, line numbers and error/warning counts.")]
    internal static Task<string> Summarize(
        ToolRunner runner,
        SummarizeService service,
        IProgress<ProgressNotificationValue> progress,
        [Description("Workspace-relative files or globs, e.g. [\"build.log\", \"logs/**/*.txt\"]")] string[] paths,
        [Description("Optional focus, e.g. \"why did the tests fail?\"")] string? question = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("summarize", progress, ctx => service.SummarizeAsync(paths, question, ctx), cancellationToken);
}
