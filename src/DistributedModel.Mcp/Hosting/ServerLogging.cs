using DistributedModel.Core.Workspace;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace DistributedModel.Mcp.Hosting;

/// <summary>Logs go to stderr (stdout carries the protocol) and to <c>.claude/dm/mcp.log</c>.</summary>
public static class ServerLogging
{
    public static void Configure(HostApplicationBuilder builder, WorkspacePaths paths)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(paths);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        Directory.CreateDirectory(paths.DmDir);
        var file = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(Path.Combine(paths.DmDir, "mcp.log"), shared: true, fileSizeLimitBytes: 10 * 1024 * 1024,
                rollOnFileSizeLimit: true, retainedFileCountLimit: 3,
                outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Level:u3} {SourceContext} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        builder.Logging.AddSerilog(file, dispose: true);
    }
}
