using System.Diagnostics;
using DistributedModel.Core.Processes;
using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Doctor;

/// <summary>
/// Runs the installed binaries once, the way Claude Code does, on harmless samples in a throwaway workspace (so the
/// repository's <c>hooks.log</c> and ledger — the validation data — are not touched): a file that is present and
/// executable can still crash, miss its runtime or print the wrong shape.
/// </summary>
public sealed class SmokeChecks(TimeSpan limit)
{
    /// <summary>A sample build log worth compressing: 600 progress lines around one compiler error.</summary>
    internal const string SampleError = "src/app/Program.cs(12,5): error CS0103: The name 'sample' does not exist in the current context";

    public async Task<CheckResult> PostToolUseAsync(string exe, CancellationToken ct)
    {
        const string name = "PostToolUse hook runs";
        using var workspace = new ScratchDirectory();
        var log = new StringBuilder();
        for (int i = 1; i <= 600; i++) log.Append("  Restoring package ").Append(i).Append(" of 600 ...\n");
        log.Append(SampleError).Append('\n');
        var input = new JsonObject
        {
            ["session_id"] = "dm-doctor", ["cwd"] = workspace.Path, ["hook_event_name"] = HookEvents.PostToolUse, ["tool_name"] = "Bash",
            ["tool_input"] = new JsonObject { ["command"] = "dotnet build" },
            ["tool_response"] = new JsonObject { ["stdout"] = log.ToString(), ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false },
        }.ToJsonString();

        var run = await RunOnceAsync(exe, workspace.Path, input, ct);
        if (run.Problem is not null) return new(name, CheckLevel.Fail, run.Problem);
        var stdout = TryParse(run.StdOut)?["hookSpecificOutput"]?["updatedToolOutput"]?["stdout"]?.ToString();
        if (stdout is null)
            return new(name, CheckLevel.Fail, $"exit 0 in {run.Millis} ms but no updatedToolOutput for a {Report.Format.Bytes(input.Length)} build log");
        if (!stdout.Contains(SampleError, StringComparison.Ordinal))
            return new(name, CheckLevel.Fail, "the compressed sample lost its error line");
        return new(name, CheckLevel.Ok, $"{Report.Format.Bytes(log.Length)} sample → {Report.Format.Bytes(Encoding.UTF8.GetByteCount(stdout))}, error line kept, {run.Millis} ms round trip");
    }

    public async Task<CheckResult> UserPromptSubmitAsync(string exe, CancellationToken ct)
    {
        const string name = "UserPromptSubmit hook runs";
        using var workspace = new ScratchDirectory();
        var input = new JsonObject
        {
            ["session_id"] = "dm-doctor", ["cwd"] = workspace.Path, ["hook_event_name"] = HookEvents.UserPromptSubmit,
            ["prompt"] = "Summarize the build logs under artifacts/ and tell me why the nightly failed",
        }.ToJsonString();

        var run = await RunOnceAsync(exe, workspace.Path, input, ct);
        if (run.Problem is not null) return new(name, CheckLevel.Fail, run.Problem);
        var context = TryParse(run.StdOut)?["hookSpecificOutput"]?["additionalContext"]?.ToString();
        return context is not null && context.Contains("mcp__distributed-model__summarize", StringComparison.Ordinal)
            ? new(name, CheckLevel.Ok, $"routes a summarize prompt, {run.Millis} ms round trip")
            : new(name, CheckLevel.Fail, $"exit 0 in {run.Millis} ms but no routing hint for a summarize prompt");
    }

    /// <summary>Runs the status line once on the JSON Claude Code pipes to it (a fresh workspace: nothing logged today).</summary>
    public async Task<CheckResult> StatusLineAsync(string exe, CancellationToken ct)
    {
        const string name = "status line runs";
        using var workspace = new ScratchDirectory();
        var input = new JsonObject
        {
            ["session_id"] = "dm-doctor", ["cwd"] = workspace.Path,
            ["model"] = new JsonObject { ["id"] = "dm-doctor", ["display_name"] = "dm doctor" },
            ["workspace"] = new JsonObject { ["current_dir"] = workspace.Path, ["project_dir"] = workspace.Path },
        }.ToJsonString();

        var run = await RunOnceAsync(exe, workspace.Path, input, ct);
        if (run.Problem is not null) return new(name, CheckLevel.Fail, run.Problem);
        var line = run.StdOut.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null
            ? new(name, CheckLevel.Fail, $"exit 0 in {run.Millis} ms but printed nothing (Claude Code would show an empty status line)")
            : new(name, CheckLevel.Ok, $"prints \"{line}\", {run.Millis} ms round trip");
    }

    /// <summary>Starts the server, sends <c>initialize</c> and <c>tools/list</c> over stdio, names the tools it lists.</summary>
    public async Task<CheckResult> McpServerAsync(string exe, CancellationToken ct)
    {
        const string name = "MCP server answers";
        using var workspace = new ScratchDirectory();
        var sw = Stopwatch.StartNew();
        await using var p = ProcessRunner.Start(Spec(exe, workspace.Path) with { Arguments = ["--workspace", workspace.Path] }, out var startError);
        if (p is null) return new(name, CheckLevel.Fail, "could not start: " + startError);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        try
        {
            await p.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"dm-doctor","version":"1"}}}""".AsMemory(), cts.Token);
            await p.StandardInput.FlushAsync(cts.Token);
            if (await ReadResponseAsync(p, 1, cts.Token) is not { } init || init["result"] is null)
                return new(name, CheckLevel.Fail, Died(p, "initialize", await Tail(p)));
            long initMs = sw.ElapsedMilliseconds;
            await p.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""".AsMemory(), cts.Token);
            await p.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""".AsMemory(), cts.Token);
            await p.StandardInput.FlushAsync(cts.Token);
            var tools = (await ReadResponseAsync(p, 2, cts.Token))?["result"]?["tools"]?.AsArray()
                .Select(t => t?["name"]?.ToString()).Where(n => n is not null).ToList();
            if (tools is null || tools.Count == 0) return new(name, CheckLevel.Fail, Died(p, "tools/list", await Tail(p)));
            return new(name, CheckLevel.Ok, $"initialize in {initMs} ms; {tools.Count} tools: {string.Join(", ", tools)}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(name, CheckLevel.Fail, $"no answer within {limit.TotalSeconds:0.#} s");
        }
        catch (IOException ex) // it died before reading its input (broken pipe): its stderr says more than the pipe
        {
            var why = await Tail(p);
            return new(name, CheckLevel.Fail, Died(p, "initialize", why.Length > 0 ? why : ex.Message));
        }
        finally
        {
            p.Kill();
        }
    }

    /// <summary>Reads stdout lines until the JSON-RPC response with <paramref name="id"/>; null at end of stream.</summary>
    private static async Task<JsonNode?> ReadResponseAsync(RunningProcess p, int id, CancellationToken ct)
    {
        while (await p.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            var node = TryParse(line);
            if (node?["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id) return node;
        }
        return null;
    }

    private static string Died(RunningProcess p, string step, string detail)
    {
        // End of stdout usually means the process is exiting: give it a moment so the exit code can be named.
        var state = p.WaitForExit(TimeSpan.FromSeconds(2)) ? $"exited with code {p.ExitCode}" : "closed its output";
        return $"{state} before answering {step}" + (detail.Length > 0 ? ": " + detail : "");
    }

    private static async Task<string> Tail(RunningProcess p)
    {
        // What it wrote before stopping: its stderr once closed, or what there is after half a second.
        var text = (await p.StdErrAsync(TimeSpan.FromMilliseconds(500))).Trim();
        var last = text.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        return last.Length > 200 ? last[..200] + "…" : last;
    }

    private async Task<(string StdOut, long Millis, string? Problem)> RunOnceAsync(string exe, string cwd, string stdin, CancellationToken ct)
    {
        // Claude Code tolerates a hook that exits without reading all of its input (broken pipe): its exit is judged.
        var run = await ProcessRunner.RunAsync(Spec(exe, cwd).WithStdin(stdin) with { TimeLimit = limit }, ct);
        ct.ThrowIfCancellationRequested();
        long ms = (long)run.Elapsed.TotalMilliseconds;
        if (!run.Started) return ("", 0, "could not start: " + run.StartError);
        if (run.TimedOut) return ("", ms, $"no exit within {limit.TotalSeconds:0.#} s");
        if (run.ExitCode != 0)
            return (run.StdOut, ms, $"exit code {run.ExitCode} (Claude Code would {(run.ExitCode == 2 ? "block the call" : "show an error")})" +
                (run.StdErr.Trim().Length > 0 ? ": " + run.StdErr.Trim().Split('\n')[^1] : ""));
        return (run.StdOut, ms, null);
    }

    private static ProcessSpec Spec(string exe, string cwd) => new(exe)
    {
        WorkingDirectory = cwd,
        Environment = new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = cwd },
    };

    private static JsonNode? TryParse(string text)
    {
        try { return text.Length == 0 ? null : JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>A temp directory removed afterwards; the binaries write their logs there.</summary>
    private sealed class ScratchDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dm-doctor-").FullName;

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
