using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing;
using DistributedModel.Testing.Anthropic;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests;

/// <summary>
/// The wiring each scope writes (repository install, user-scope promote, plugin) really makes the real Claude Code CLI
/// run our UserPromptSubmit hook: a stand-in hook injects a marker that must reach the model request.
/// </summary>
[Collection(RealClaudeCollection.Name)]
public sealed class WiringEndToEndTests : IDisposable
{
    private const string Marker = "DM-WIRING-MARKER-7f3a";
    // Started at the real time: the real hooks stamp hooks.log with it, and dm report must see those calls in its window.
    private readonly CliHarness _h = new(DateTimeOffset.UtcNow);

    public void Dispose() => _h.Dispose();

    private string HookBinaries()
    {
        var dir = _h.FakeBinaries();
        File.WriteAllText(Path.Combine(dir, "UserPromptSubmit"),
            "#!/bin/sh\ncat >/dev/null\nprintf '{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptSubmit\",\"additionalContext\":\"" + Marker + "\"}}'\n");
        return dir;
    }

    private static Task<FakeAnthropicServer> StartApiAsync() => FakeAnthropicServer.StartAsync(ScriptStep.Reply("done"));

    private static bool Mentions(IEnumerable<CapturedRequest> requests, string text) =>
        requests.Any(r => r.AllText().Contains(text, StringComparison.Ordinal));

    private async Task<(ProcessResult Run, bool MarkerSeen)> AskClaudeAsync(FakeAnthropicServer api, string? cwd = null, string prompt = "hello")
    {
        int before = api.Requests.Count;
        var run = await ClaudeCodeRunner.RunAsync(cwd ?? _h.Repo, prompt, api, _h.Home, ["Bash"], TimeSpan.FromSeconds(90));
        return (run, Mentions(api.Requests.Skip(before), Marker));
    }

    [Fact]
    public async Task Repository_install_wiring_runs_the_hook_in_real_claude()
    {
        await using var api = await StartApiAsync();
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);

        var (run, seen) = await AskClaudeAsync(api);

        seen.Should().BeTrue(run.ToString());
    }

    [Fact]
    public async Task User_scope_promote_wiring_runs_the_hook_in_real_claude_and_uninstall_stops_it()
    {
        await using var api = await StartApiAsync();
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);
        (await _h.RunAsync("promote", "--force")).ExitCode.Should().Be(0);
        File.Exists(_h.RepoFile(".claude/settings.json")).Should().BeFalse("promote moved the wiring to the user scope");

        var (run, seen) = await AskClaudeAsync(api);
        seen.Should().BeTrue(run.ToString());

        (await _h.RunAsync("uninstall", "--global")).ExitCode.Should().Be(0);
        int before = api.Requests.Count;
        var (after, seenAfter) = await AskClaudeAsync(api);
        api.Requests.Count.Should().BeGreaterThan(before, after.ToString());
        seenAfter.Should().BeFalse("the hook is no longer wired anywhere");
    }

    [Fact]
    public async Task Plugin_wiring_runs_the_hook_in_real_claude()
    {
        await using var api = await StartApiAsync();
        var plugin = Path.Combine(_h.Root, "plugin");
        (await _h.RunAsync("plugin", "--out", plugin, "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1", ["DISABLE_AUTOUPDATER"] = "1" };
        var claude = RepoPaths.NpmBin("claude");
        (await ProcessRunner.RunAsync(claude, ["plugin", "marketplace", "add", plugin], _h.Root, environment: env, timeout: TimeSpan.FromSeconds(60))).ExitCode.Should().Be(0);
        (await ProcessRunner.RunAsync(claude, ["plugin", "install", "distributed-model@distributed-model"], _h.Root, environment: env, timeout: TimeSpan.FromSeconds(60))).ExitCode.Should().Be(0);

        var (run, seen) = await AskClaudeAsync(api);

        seen.Should().BeTrue(run.ToString());
    }

    [Fact]
    public async Task Real_claude_sees_our_mcp_server_in_project_scope_after_install_and_in_user_scope_after_promote()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1", ["DISABLE_AUTOUPDATER"] = "1" };
        var claude = RepoPaths.NpmBin("claude");
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);

        var project = await ProcessRunner.RunAsync(claude, ["mcp", "get", "distributed-model"], _h.Repo, environment: env, timeout: TimeSpan.FromSeconds(60));
        project.StdOut.Should().Contain("Scope: Project config", project.ToString());

        (await _h.RunAsync("promote", "--force")).ExitCode.Should().Be(0);
        var user = await ProcessRunner.RunAsync(claude, ["mcp", "get", "distributed-model"], _h.Repo, environment: env, timeout: TimeSpan.FromSeconds(60));
        user.StdOut.Should().Contain("Scope: User config", user.ToString());
    }

    /// <summary>
    /// A stand-in MCP server in POSIX sh: answers initialize and tools/list over stdio JSON-RPC with one tool,
    /// <c>ping</c>; at start it records its working directory and CLAUDE_PROJECT_DIR in <c>mcp-started.txt</c> of its own
    /// working directory, then waits <paramref name="startSeconds"/> before it answers (a slow start on a loaded machine).
    /// <paramref name="tools"/> replaces <c>ping</c> with tools of those names.
    /// </summary>
    private string BinariesWithShellMcpServer(int startSeconds = 0, IReadOnlyList<string>? tools = null)
    {
        var dir = HookBinaries();
        var script = """
            #!/bin/sh
            printf '%s|%s' "$PWD" "$CLAUDE_PROJECT_DIR" > mcp-started.txt
            sleep START_SECONDS
            while IFS= read -r line; do
              id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p')
              case "$line" in
                *'"method":"initialize"'*)
                  v=$(printf '%s' "$line" | sed -n 's/.*"protocolVersion":"\([^"]*\)".*/\1/p')
                  printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"%s","capabilities":{"tools":{}},"serverInfo":{"name":"fake-dm","version":"0.0.1"}}}\n' "$id" "$v" ;;
                *'"method":"tools/list"'*)
                  printf '{"jsonrpc":"2.0","id":%s,"result":{"tools":[TOOLS]}}\n' "$id" ;;
                *'"method":"notifications/'*) ;;
                *) if [ -n "$id" ]; then printf '{"jsonrpc":"2.0","id":%s,"result":{}}\n' "$id"; fi ;;
              esac
            done
            """;
        script = script.Replace("START_SECONDS", startSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("TOOLS", string.Join(",", (tools ?? ["ping"]).Select(static t =>
                "{\"name\":\"" + t + "\",\"description\":\"" + t + "\",\"inputSchema\":{\"type\":\"object\",\"properties\":{}}}")), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "mcp", "dm-mcp"), script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return dir;
    }

    [Theory]
    [InlineData("")]
    [InlineData("src/deep")]
    public async Task Install_wiring_lets_real_claude_start_our_mcp_server_at_the_project_root_from_any_subdirectory(string launchDir)
    {
        await using var api = await StartApiAsync();
        (await _h.RunAsync("install", "--hooks-from", BinariesWithShellMcpServer())).ExitCode.Should().Be(0);
        (await ProcessRunner.RunAsync("git", ["init", "-q"], _h.Repo)).ExitCode.Should().Be(0);
        var cwd = Path.Combine(_h.Repo, launchDir);
        Directory.CreateDirectory(cwd);

        var (run, hookRan) = await AskClaudeAsync(api, cwd);

        // Claude Code 2.1.197 reads project settings (our hooks) only from the launch directory, so hooks run only when
        // claude starts at the root; .mcp.json however is found from subdirectories too (hence the launcher).
        if (launchDir.Length == 0) hookRan.Should().BeTrue();
        Mentions(api.Requests, "mcp__distributed-model__ping").Should().BeTrue(run.ToString());
        File.ReadAllText(_h.RepoFile("mcp-started.txt")).Should().Be(_h.Repo + "|" + _h.Repo, "the server runs at the project root and knows it");
    }

    [Fact]
    public async Task A_slow_starting_server_is_still_in_the_first_model_request_because_the_entry_is_always_loaded()
    {
        // Without alwaysLoad, Claude Code 2.1.197 in print mode waits only ~2 s for project MCP servers and sends the
        // first (here: only) request without their tools (verified: this test fails with the property removed).
        await using var api = await StartApiAsync();
        (await _h.RunAsync("install", "--hooks-from", BinariesWithShellMcpServer(startSeconds: 4))).ExitCode.Should().Be(0);

        var (run, _) = await AskClaudeAsync(api);

        run.ExitCode.Should().Be(0, run.ToString());
        api.MainLoopRequests.Should().NotBeEmpty(run.ToString());
        api.MainLoopRequests[0].Body!["tools"]!.AsArray().Select(t => t?["name"]?.GetValue<string>())
            .Should().Contain("mcp__distributed-model__ping", "the first turn must already offer our lanes");
    }

    [Fact]
    public async Task Real_hooks_installed_by_dm_log_calls_that_dm_report_reads()
    {
        // The real Native AOT hooks (published once per test run), a stand-in MCP server.
        var bins = BinariesWithShellMcpServer();
        foreach (var (project, exe) in new[] { ("src/DistributedModel.Hooks.PostToolUse", "PostToolUse"), ("src/DistributedModel.Hooks.UserPromptSubmit", "UserPromptSubmit") })
            File.Copy(Path.Combine(await DotnetPublisher.PublishAsync(project, aot: true), exe), Path.Combine(bins, exe), overwrite: true);
        (await _h.RunAsync("install", "--hooks-from", bins)).ExitCode.Should().Be(0);
        await using var api = await FakeAnthropicServer.StartAsync(
            ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "seq 1 40000", ["description"] = "run" }), ScriptStep.Reply("done"));

        var (run, _) = await AskClaudeAsync(api, prompt: "summarize the build log and tell me what failed");

        run.ExitCode.Should().Be(0, run.ToString());
        _h.Clock.SetUtcNow(DateTimeOffset.UtcNow); // the report's "now" is after the hooks' real timestamps
        var report = await _h.RunAsync("report");
        report.Out.Should().MatchRegex(@"Read 2 hook calls, 0 provider calls", report.ToString());
        report.Out.Split('\n').Single(l => l.StartsWith("Hook latency p95 PostToolUse", StringComparison.Ordinal)).Should().Contain("(n=1)");
        report.Out.Split('\n').Single(l => l.StartsWith("Hook latency p95 UserPromptSubmit", StringComparison.Ordinal)).Should().Contain("(n=1)");
        report.Out.Split('\n').Single(l => l.StartsWith("Context bytes into orchestrator", StringComparison.Ordinal)).Should().EndWith("PASS", "40,000 lines of seq compress far below half");
    }

    [Fact]
    public async Task A_teammate_clone_without_binaries_runs_normally_in_real_claude_and_is_told_once_how_to_install()
    {
        // A teammate pulls the committed .claude/settings.json and .mcp.json; hooks/bin is git-excluded, so it is absent.
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);
        Directory.Delete(_h.RepoFile("hooks/bin"), recursive: true);
        await using var api = await FakeAnthropicServer.StartAsync(
            ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "echo hi", ["description"] = "run" }),
            ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "echo again", ["description"] = "run" }),
            ScriptStep.Reply("done"));

        var run = await ClaudeCodeRunner.RunAsync(_h.Repo, "run echo twice", api, _h.Home, ["Bash"], TimeSpan.FromSeconds(120),
            ["--output-format", "stream-json", "--verbose", "--include-hook-events"]);

        run.ExitCode.Should().Be(0, run.ToString());
        var events = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonNode.Parse(l)!.AsObject()).ToList();
        var hookEvents = events.Where(static e => e["subtype"]?.GetValue<string>() is "hook_response").ToList();
        hookEvents.Select(static e => e["hook_event"]?.GetValue<string>()).Should().Contain(["UserPromptSubmit", "PostToolUse"], run.StdOut);
        hookEvents.Should().OnlyContain(static e => e["exit_code"] == null || e["exit_code"]!.GetValue<int>() == 0, "a missing binary is not an error on every call");
        api.MainLoopRequests.SelectMany(static r => r.ToolResults()).Select(static r => r.Text).Should().Contain(t => t.Contains("again", StringComparison.Ordinal), "the session ran both tool calls");
        var told = events.Where(static e => e.ToJsonString().Contains("dm install", StringComparison.Ordinal)).ToList();
        told.Should().NotBeEmpty(run.StdOut);
        told.Should().OnlyContain(static e => e["hook_event"] != null && e["hook_event"]!.GetValue<string>() == WiringDefaults.SessionStartEvent,
            "the user is told once, at session start, not on every call");
        Mentions(api.Requests, WiringDefaults.MissingBinariesNotice).Should().BeFalse("a systemMessage is for the user, not the model's context");
    }

    /// <summary>The real AOT UserPromptSubmit hook and a stand-in server offering our five lane tools under their real names.</summary>
    private async Task<string> RealPromptHookWithLaneToolsAsync()
    {
        var bins = BinariesWithShellMcpServer(tools: DistributedModel.Testing.Routing.RoutingCorpus.Lanes);
        File.Copy(Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.UserPromptSubmit", aot: true), "UserPromptSubmit"),
            Path.Combine(bins, "UserPromptSubmit"), overwrite: true);
        return bins;
    }

    // Triggers three lanes of the default rules: summarize (a bulky log), scaffold (CRUD) and consult (a trade-off).
    private const string ThreeLanePrompt = "summarize the build log, then scaffold crud controllers for Order, and should we use postgres or mongodb here? weigh the trade-offs";

    /// <summary>Every mcp__ name in the hint the model received is a tool of that same request; returns the hint's names.</summary>
    private static IReadOnlyList<string> HintToolNamesAreSessionTools(FakeAnthropicServer api, ProcessResult run)
    {
        var request = api.MainLoopRequests.Should().NotBeEmpty(run.ToString()).And.Subject.First();
        var messages = request.Body!["messages"]!.ToJsonString();
        messages.Should().Contain("Distributed Model hint", "the real hook injected its hint: " + run);
        var hinted = System.Text.RegularExpressions.Regex.Matches(messages, @"mcp__[A-Za-z0-9_-]+?__[a-z_]+").Select(static m => m.Value).Distinct().ToList();
        var offered = request.Body!["tools"]!.AsArray().Select(static t => t!["name"]!.GetValue<string>()).ToList();
        hinted.Should().HaveCountGreaterThanOrEqualTo(3, messages);
        hinted.Should().OnlyContain(n => offered.Contains(n), $"the hint names tools the session offers (offered: {string.Join(", ", offered.Where(o => o.StartsWith("mcp__", StringComparison.Ordinal)))})");
        return hinted;
    }

    [Fact]
    public async Task The_real_hint_names_tools_exactly_as_a_repository_install_session_offers_them()
    {
        await using var api = await StartApiAsync();
        (await _h.RunAsync("install", "--hooks-from", await RealPromptHookWithLaneToolsAsync())).ExitCode.Should().Be(0);

        var run = await ClaudeCodeRunner.RunAsync(_h.Repo, ThreeLanePrompt, api, _h.Home, ["Bash"], TimeSpan.FromSeconds(120));

        run.ExitCode.Should().Be(0, run.ToString());
        HintToolNamesAreSessionTools(api, run).Should().Contain(["mcp__distributed-model__summarize", "mcp__distributed-model__scaffold", "mcp__distributed-model__consult"]);
    }

    [Fact]
    public async Task The_real_hint_names_tools_exactly_as_a_plugin_session_offers_them()
    {
        await using var api = await StartApiAsync();
        var plugin = Path.Combine(_h.Root, "plugin");
        (await _h.RunAsync("plugin", "--out", plugin, "--hooks-from", await RealPromptHookWithLaneToolsAsync())).ExitCode.Should().Be(0);
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1", ["DISABLE_AUTOUPDATER"] = "1" };
        var claude = RepoPaths.NpmBin("claude");
        (await ProcessRunner.RunAsync(claude, ["plugin", "marketplace", "add", plugin], _h.Root, environment: env, timeout: TimeSpan.FromSeconds(60))).ExitCode.Should().Be(0);
        (await ProcessRunner.RunAsync(claude, ["plugin", "install", "distributed-model@distributed-model"], _h.Root, environment: env, timeout: TimeSpan.FromSeconds(60))).ExitCode.Should().Be(0);

        var run = await ClaudeCodeRunner.RunAsync(_h.Repo, ThreeLanePrompt, api, _h.Home, ["Bash"], TimeSpan.FromSeconds(120));

        run.ExitCode.Should().Be(0, run.ToString());
        HintToolNamesAreSessionTools(api, run).Should().Contain("mcp__plugin_distributed-model_distributed-model__summarize")
            .And.NotContain(n => n.StartsWith("mcp__distributed-model__", StringComparison.Ordinal), "a repository-style name does not exist in a plugin session");
    }
}
