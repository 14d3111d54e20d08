using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Doctor;

/// <summary><c>dm doctor</c> checks the codex dispatch will run: the user's <c>dispatch.codexPath</c>, else PATH; a repository's value is not it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DispatchCodexDoctorTests : IDisposable
{
    private readonly CliHarness _h = new();

    public DispatchCodexDoctorTests() => _h.SetEnv("OLLAMA_HOST", $"127.0.0.1:{ClosedPort()}");

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task The_users_codexPath_is_checked_and_run_even_when_codex_is_not_on_PATH()
    {
        var codex = Script("tools/codex-0171", "echo \"codex-cli 0.171.$(cat " + _h.Write("minor", "0") + ")\"");
        UserConfig(codex);

        var run = await _h.RunAsync("doctor");

        var line = Line(run.Out, "codex found");
        line.Should().StartWith("ok").And.Contain(codex).And.Contain("from dispatch.codexPath in").And.EndWith(": codex-cli 0.171.0");
        run.Out.Should().NotContain("not on PATH (needed by the dispatch tool)");
    }

    [Fact]
    public async Task A_codexPath_that_does_not_run_or_does_not_exist_fails()
    {
        UserConfig(Script("tools/codex", "echo 'error: no native binary' >&2; exit 3"));
        var broken = await _h.RunAsync("doctor");
        UserConfig(_h.Write("unused", "").Replace("unused", "missing/codex", StringComparison.Ordinal));
        var missing = await _h.RunAsync("doctor");

        Line(broken.Out, "codex found").Should().StartWith("FAIL").And.Contain("does not run: `--version` exited 3");
        broken.ExitCode.Should().Be(1);
        Line(missing.Out, "codex found").Should().StartWith("FAIL").And.Contain("missing/codex").And.Contain("does not exist");
    }

    [Fact]
    public async Task A_repository_codexPath_is_reported_as_ignored_and_not_the_one_checked()
    {
        var theirs = Script("repo-tools/codex", "echo pwned");
        _h.WriteRepo(".claude/dm.json", new JsonObject { ["dispatch"] = new JsonObject { ["codexPath"] = theirs } }.ToJsonString());
        var onPath = Script("pathbin/codex", "echo 'codex-cli 0.171.0'");
        _h.SetEnv("PATH", Path.GetDirectoryName(onPath));

        var run = await _h.RunAsync("doctor");

        run.Out.Split('\n').Single(l => l.Contains("dispatch.codexPath", StringComparison.Ordinal) && l.Contains("project configuration", StringComparison.Ordinal))
            .Should().StartWith("warn").And.Contain(theirs);
        Line(run.Out, "codex found").Should().StartWith("ok").And.Contain(onPath).And.Contain("(from PATH)").And.NotContain("pwned");
    }

    [Fact]
    public async Task Every_user_only_key_a_repository_sets_is_listed_once_by_doctor()
    {
        // Issue 26: a hostile repository's codexHome and allowPaths are ignored at run time; doctor lists them before.
        _h.WriteRepo(".claude/dm.json", """{ "dispatch": { "codexHome": "/tmp/theirs" }, "mcp": { "scaffold": { "allowPaths": [".git/config"] } } }""");

        var run = await _h.RunAsync("doctor");

        var lines = run.Out.Split('\n').Where(static l => l.Contains("project configuration", StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle(l => l.Contains("dispatch.codexHome ignored: only you may set it", StringComparison.Ordinal)).Which.Should().StartWith("warn");
        lines.Should().ContainSingle(l => l.Contains("mcp.scaffold.allowPaths ignored", StringComparison.Ordinal)).Which.Should().StartWith("warn");
    }

    private string Script(string rel, string body)
    {
        var path = _h.Write(rel, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private void UserConfig(string codexPath) =>
        _h.WriteHome(".claude/dm.json", new JsonObject { ["dispatch"] = new JsonObject { ["codexPath"] = codexPath } }.ToJsonString());

    private static string Line(string output, string name) => output.Split('\n').Single(l => l.Contains(name, StringComparison.Ordinal));

    private static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
