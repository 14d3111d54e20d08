using System.Net;
using System.Net.Sockets;
using System.Text;
using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Doctor;

public sealed class DoctorCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Line(string output, string name) => output.Split('\n').Single(l => l.Contains(name, StringComparison.Ordinal));

    /// <summary>A one-shot HTTP server on 127.0.0.1 answering every request with the given status.</summary>
    private static (int Port, Task Serving) Serve(int status, CancellationToken ct)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var task = Task.Run(async () =>
        {
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(ct);
                    var stream = client.GetStream();
                    var buf = new byte[4096];
                    _ = await stream.ReadAsync(buf, ct);
                    var body = $"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(body), ct);
                }
            }
            catch (OperationCanceledException) { }
            finally { listener.Stop(); }
        }, ct);
        return (port, task);
    }

    private static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>
    /// Issue 11.2: doctor shows where each base URL came from, and fails a repository base URL whose host the user has not
    /// allowed — without probing it. A second loopback listener stands in for "another host". Must survive: the source of
    /// each URL, the refusal with how to allow it, and no request to the other host.
    /// </summary>
    [Fact]
    public async Task Doctor_names_where_each_base_url_came_from_and_fails_a_repository_chosen_host()
    {
        using var cts = new CancellationTokenSource();
        var (otherPort, _) = Serve(200, cts.Token);
        var (port, _) = Serve(401, cts.Token);
        _h.WriteRepo(".claude/dm.json", $"{{\"providers\":{{\"gemini\":{{\"baseUrl\":\"http://127.0.0.1:{otherPort}\"}}}}}}");
        _h.SetEnv("GEMINI_API_KEY", "AIza-test-key-not-printed");
        _h.SetEnv("OPENAI_API_KEY", "sk-secret-value-123");
        _h.SetEnv("OPENAI_BASE_URL", $"http://127.0.0.1:{port}/v1");

        var run = await _h.RunAsync("doctor");
        await cts.CancelAsync();

        Line(run.Out, "gemini base URL").Should().StartWith("FAIL").And.Contain("a repository's configuration cannot choose")
            .And.Contain($"add \"127.0.0.1\" to \"allowedBaseUrlHosts\" in {_h.HomeFile(".claude/dm.json")}");
        run.Out.Should().NotContain("gemini reachable", "a refused host is never probed");
        Line(run.Out, "openai base URL").Should().StartWith("ok").And.Contain($"http://127.0.0.1:{port}/v1 (from OPENAI_BASE_URL)");
        Line(run.Out, "deepseek base URL").Should().StartWith("ok").And.Contain("https://api.deepseek.com/ (from default)");
        run.Out.Should().NotContain("sk-secret-value-123").And.NotContain("AIza-test-key-not-printed");
    }

    /// <summary>Issue 26 item 9: with any other value invalid, doctor used to fall back to its own reading of the
    /// repository's dm.json and probed the repository's refused host ("ok reachable").</summary>
    [Fact]
    public async Task With_an_invalid_value_elsewhere_doctor_still_never_probes_a_refused_repository_host_and_names_the_problem()
    {
        var attacker = new TcpListener(IPAddress.Loopback, 0);
        attacker.Start();
        try
        {
            int port = ((IPEndPoint)attacker.LocalEndpoint).Port;
            _h.WriteRepo(".claude/dm.json", $"{{\"budgets\":{{\"consult\":-1}},\"providers\":{{\"gemini\":{{\"baseUrl\":\"http://127.0.0.1:{port}\"}}}}}}");
            _h.SetEnv("GEMINI_API_KEY", "AIza-test-key-not-printed");

            var run = await _h.RunAsync("doctor");

            Line(run.Out, "gemini base URL").Should().StartWith("FAIL").And.Contain("a repository's configuration cannot choose");
            Line(run.Out, "provider configuration").Should().StartWith("FAIL").And.Contain("budgets.consult").And.Contain("left at its default");
            run.Out.Should().NotContain("gemini reachable");
            attacker.Pending().Should().BeFalse("no connection reached the repository's host");
        }
        finally
        {
            attacker.Stop();
        }
    }

    [Fact]
    public async Task Doctor_on_an_installed_repo_passes_and_never_prints_a_key()
    {
        (await _h.RunAsync("install", "--hooks-from", await _h.RealBinariesAsync())).ExitCode.Should().Be(0);
        using var cts = new CancellationTokenSource();
        var (port, serving) = Serve(401, cts.Token);
        _h.SetEnv("OPENAI_API_KEY", "sk-secret-value-123");
        _h.SetEnv("OPENAI_BASE_URL", $"http://127.0.0.1:{port}/v1");
        _h.SetEnv("OLLAMA_HOST", $"127.0.0.1:{ClosedPort()}");
        var bin = _h.Write("pathbin/codex", "#!/bin/sh\necho 'codex-cli 0.171.0'\n"); // doctor runs it: `--version`
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _h.SetEnv("PATH", Path.GetDirectoryName(bin));
        _h.WriteRepo(".claude/dm/ledger.jsonl", new string('x', 2048));

        var run = await _h.RunAsync("doctor");
        await cts.CancelAsync();

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().NotContain("sk-secret-value-123");
        Line(run.Out, "hooks/bin/PostToolUse").Should().StartWith("ok").And.Contain("executable");
        Line(run.Out, "hooks in").Should().StartWith("ok");
        Line(run.Out, "server in").Should().StartWith("ok");
        Line(run.Out, "openai key").Should().StartWith("ok").And.Contain("OPENAI_API_KEY is set");
        Line(run.Out, "openai reachable").Should().StartWith("ok").And.Contain("HTTP 401");
        Line(run.Out, "gemini key").Should().StartWith("warn").And.Contain("GEMINI_API_KEY or GOOGLE_API_KEY not set");
        Line(run.Out, "ollama reachable").Should().StartWith("warn").And.Contain("unreachable");
        Line(run.Out, "codex found").Should().StartWith("ok").And.Contain("(from PATH): codex-cli 0.171.0");
        Line(run.Out, "ollama found").Should().StartWith("warn");
        Line(run.Out, "disk use of .claude/dm").Should().Contain("in 2 file(s)", "the smoke runs write into a scratch workspace, not the repo");
        Line(run.Out, "PostToolUse hook runs").Should().StartWith("ok").And.Contain("error line kept");
        Line(run.Out, "UserPromptSubmit hook runs").Should().StartWith("ok").And.Contain("routes a summarize prompt");
        Line(run.Out, "MCP server answers").Should().StartWith("ok").And.Contain("6 tools: ").And.Contain("summarize").And.Contain("dispatch");
        File.Exists(_h.RepoFile(".claude/hooks.log")).Should().BeFalse("doctor must not add calls to the validation window");
    }

    private string BinariesWith(string? postToolUse = null, string? mcp = null)
    {
        var dir = _h.FakeBinaries();
        if (postToolUse is not null) File.WriteAllText(Path.Combine(dir, "PostToolUse"), "#!/bin/sh\n" + postToolUse + "\n");
        if (mcp is not null) File.WriteAllText(Path.Combine(dir, "mcp", "dm-mcp"), "#!/bin/sh\n" + mcp + "\n");
        return dir;
    }

    [Fact]
    public async Task A_hook_that_exits_2_or_prints_nothing_and_a_server_that_dies_at_start_fail_with_the_reason()
    {
        (await _h.RunAsync("install", "--hooks-from", BinariesWith(
            postToolUse: "cat >/dev/null; echo 'boom: missing libfoo' >&2; exit 2",
            mcp: "echo 'You must install .NET to run this application.' >&2; exit 150"))).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("doctor");

        run.ExitCode.Should().Be(1, run.ToString());
        Line(run.Out, "PostToolUse hook runs").Should().StartWith("FAIL").And.Contain("exit code 2 (Claude Code would block the call): boom: missing libfoo");
        Line(run.Out, "UserPromptSubmit hook runs").Should().StartWith("FAIL").And.Contain("no routing hint");
        Line(run.Out, "MCP server answers").Should().StartWith("FAIL").And.Contain("exited with code 150 before answering initialize")
            .And.Contain("You must install .NET");
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_within_the_time_limit()
    {
        (await _h.RunAsync("install", "--hooks-from", BinariesWith(mcp: "exec sleep 60"))).ExitCode.Should().Be(0);
        _h.SmokeTimeout = TimeSpan.FromSeconds(1);
        var sw = System.Diagnostics.Stopwatch.StartNew();

        var run = await _h.RunAsync("doctor");

        Line(run.Out, "MCP server answers").Should().StartWith("FAIL").And.Contain("no answer within 1 s");
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the sleeping server is killed at the limit");
    }

    [Fact]
    public async Task Doctor_on_a_repo_without_install_fails_with_what_to_do()
    {
        var run = await _h.RunAsync("doctor");

        run.ExitCode.Should().Be(1);
        Line(run.Out, "hooks/bin/PostToolUse").Should().StartWith("FAIL").And.Contain("dm install");
        Line(run.Out, "hooks in").Should().StartWith("FAIL");
    }

    [Fact]
    public async Task Doctor_flags_a_hook_that_lost_its_execute_bit()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(_h.RepoFile("hooks/bin/UserPromptSubmit"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await _h.RunAsync("doctor");

        run.ExitCode.Should().Be(1);
        Line(run.Out, "hooks/bin/UserPromptSubmit").Should().StartWith("FAIL").And.Contain("not executable");
    }

    [Fact]
    public async Task Doctor_reports_malformed_settings_naming_the_file()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        File.WriteAllText(_h.RepoFile(".claude/settings.json"), "{");

        var run = await _h.RunAsync("doctor");

        run.ExitCode.Should().Be(1);
        Line(run.Out, "hooks in").Should().StartWith("FAIL").And.Contain("not valid JSON");
    }

    [Fact]
    public async Task A_provider_that_never_answers_is_reported_within_the_probe_timeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0); // accepts connections but never answers
        listener.Start();
        try
        {
            _h.ProbeTimeout = TimeSpan.FromMilliseconds(300);
            _h.SetEnv("DEEPSEEK_API_KEY", "k");
            _h.SetEnv("DEEPSEEK_BASE_URL", $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
            var sw = System.Diagnostics.Stopwatch.StartNew();

            var run = await _h.RunAsync("doctor");

            sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
            Line(run.Out, "deepseek reachable").Should().StartWith("warn").And.Contain("no answer within 0.3 s");
        }
        finally { listener.Stop(); }
    }
}
