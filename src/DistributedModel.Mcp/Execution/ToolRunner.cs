using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using DistributedModel.Providers.Security;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Execution;

/// <summary>
/// Runs a tool body within the configured time limit, with progress, and turns failures into <see cref="McpException"/>s
/// whose message the orchestrator sees (provider failures, the time limit). Client cancellation propagates as cancellation.
/// The limit holds for every tool, even one whose body blocks without looking at its token.
/// </summary>
/// <param name="notice">Configuration problems found at start, appended to every answer and error until fixed (issue 26.9:
/// a bad value never stops the server; the orchestrator and the user still learn of it).</param>
internal sealed class ToolRunner(McpOptions options, TimeProvider time, ILogger<ToolRunner> logger, Redactor redactor, string? notice = null)
{
    /// <summary>Most characters of an error message the orchestrator and mcp.log get (a model's text can be quoted in one).</summary>
    public const int MaxErrorChars = 2_000;

    public async Task<string> RunAsync(string tool, IProgress<ProgressNotificationValue>? progress,
        Func<ToolContext, Task<string>> body, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.ToolTimeout);
        using var context = new ToolContext(progress, options.ProgressInterval, time, limit.Token);
        try
        {
            // The body runs off the caller's thread and is awaited only up to the limit: a call that blocks where a token
            // cannot reach (a file system call, a slow glob) still gets its time-limit answer; the stray work ends on its own.
            var work = Task.Run(() => body(context), limit.Token);
            _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var result = await work.WaitAsync(limit.Token).ConfigureAwait(false);
            logger.LogInformation("{Tool} finished in {Ms} ms, {Bytes} bytes returned", tool, (long)context.Elapsed.TotalMilliseconds, result.Length);
            return notice is null ? result : result.TrimEnd('\n') + "\n" + notice;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            logger.LogWarning("{Tool} hit its {Limit} s limit", tool, options.ToolTimeout.TotalSeconds);
            throw new McpException($"{tool} did not finish within its {options.ToolTimeout.TotalSeconds:0} s limit " +
                "(mcp.toolTimeoutSeconds in .claude/dm.json); nothing was returned. Try fewer/smaller inputs or raise the limit.");
        }
        catch (ProviderException ex)
        {
            logger.LogWarning("{Tool} failed: provider {Provider} {ErrorClass}: {Message}", tool, ex.Provider, ex.ErrorClass, ex.Message);
            throw new McpException($"{tool} failed: {ex.Message}", ex);
        }
        catch (McpException ex)
        {
            // a refusal can quote a model's answer (a bad verdict, a path): keys redacted, length bounded, before log and client
            var message = redactor.RedactShort(ex.Message, MaxErrorChars);
            logger.LogWarning("{Tool} refused: {Message}", tool, message);
            if (message == ex.Message && notice is null) throw;
            throw new McpException(notice is null ? message : message + "\n" + notice);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "{Tool} failed on file access", tool);
            throw new McpException($"{tool} failed: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogWarning(ex, "{Tool} failed on file access", tool);
            throw new McpException($"{tool} failed: {ex.Message}", ex);
        }
    }
}
