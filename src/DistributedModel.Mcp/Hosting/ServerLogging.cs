using DistributedModel.Core.Workspace;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace DistributedModel.Mcp.Hosting;

/// <summary>Logs go to stderr (stdout carries the protocol) and to <c>.claude/dm/mcp.log</c>.</summary>
public static class ServerLogging
{
    public const string FileName = "mcp.log";

    /// <returns>Null, or why <c>mcp.log</c> is not written (log it once the host is built): the folder or a log file is a
    /// symbolic link, which a repository can commit to aim our writes at another file.</returns>
    public static string? Configure(HostApplicationBuilder builder, WorkspacePaths paths)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(paths);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var path = Path.Combine(paths.DmDir, FileName);
        if (UnsafeLogFile(paths, path) is { } problem) return problem;
        var file = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(path, shared: true, fileSizeLimitBytes: 10 * 1024 * 1024,
                rollOnFileSizeLimit: true, retainedFileCountLimit: 3,
                outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Level:u3} {SourceContext} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        builder.Logging.AddSerilog(file, dispose: true);
        return null;
    }

    /// <summary>The file sink opens its files following links, so the folder, <c>mcp.log</c> and its rolled siblings
    /// (<c>mcp_001.log</c>, …) must be real.</summary>
    private static string? UnsafeLogFile(WorkspacePaths paths, string path)
    {
        try
        {
            paths.PrepareWrite(path);
            foreach (var entry in new DirectoryInfo(paths.DmDir).EnumerateFileSystemInfos("mcp*.log"))
            {
                if (entry.LinkTarget is not null || entry is not FileInfo)
                    return $"{entry.FullName} is a symbolic link or not a regular file: mcp.log is not written (remove it)";
            }
            return null;
        }
        catch (IOException ex)
        {
            return $"{ex.Message}: mcp.log is not written";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"{ex.Message}: mcp.log is not written";
        }
    }
}
