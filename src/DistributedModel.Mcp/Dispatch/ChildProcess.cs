using System.Diagnostics;
using System.Text;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Runs a child process of the dispatch engine (git, codex) with stdin closed at once, stdout read line by line,
/// stderr kept (tail), a hard time limit and cancellation that kill the whole process tree.
/// </summary>
/// <remarks>
/// stdin is never inherited: the MCP server's stdin is the protocol stream, and codex waits for EOF on a non-TTY stdin.
/// </remarks>
internal static class ChildProcess
{
    private const int StderrKeepChars = 16 * 1024;

    public static async Task<ChildProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onStdoutLine = null,
        bool keepStdout = true)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;

        var sw = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ChildProcessResult.NotStarted($"cannot start {fileName}: {ex.Message}", sw.Elapsed);
        }

        try { process.StandardInput.Close(); } catch (IOException) { }

        var stdout = new StringBuilder();
        var stdoutTask = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(CancellationToken.None).ConfigureAwait(false)) is not null)
            {
                if (keepStdout) lock (stdout) stdout.Append(line).Append('\n');
                try { onStdoutLine?.Invoke(line); }
#pragma warning disable CA1031 // a failing observer must not stop the draining of stdout (the child would block on a full pipe)
                catch (Exception) { }
#pragma warning restore CA1031
            }
        }, CancellationToken.None);
        var stderrTask = ReadTailAsync(process.StandardError, StderrKeepChars);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        bool timedOut = false, cancelled = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            cancelled = cancellationToken.IsCancellationRequested;
            timedOut = !cancelled;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // Grandchildren may keep the pipes open after a kill; don't wait on them forever.
        var drained = Task.WhenAll(stdoutTask, stderrTask);
        await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
        var stderr = stderrTask.IsCompletedSuccessfully ? stderrTask.Result : "";
        string stdoutText;
        lock (stdout) stdoutText = stdout.ToString();
        return new ChildProcessResult(true, process.ExitCode, stdoutText, stderr, sw.Elapsed, timedOut, cancelled, null);
    }

    private static async Task<string> ReadTailAsync(StreamReader reader, int keep)
    {
        var sb = new StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            sb.Append(buffer, 0, n);
            if (sb.Length > keep * 2) sb.Remove(0, sb.Length - keep);
        }
        if (sb.Length > keep) sb.Remove(0, sb.Length - keep);
        return sb.ToString();
    }
}
