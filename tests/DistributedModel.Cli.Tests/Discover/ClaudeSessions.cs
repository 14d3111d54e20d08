using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;
using DistributedModel.Testing.Anthropic;
using DistributedModel.Testing.Processes;
using DistributedModel.Testing.Samples;

namespace DistributedModel.Cli.Tests.Discover;

/// <summary>
/// Two real Claude Code (2.1.197) sessions of the same scripted work in one repository, against the loopback fake Messages
/// API: the first without Distributed Model (its transcript is what <c>dm discover</c> reads, and the fake API captured
/// exactly what entered the context), the second with the real published Native-AOT hooks wired (its <c>hooks.log</c>
/// and captured requests are what the hooks actually did on the same outputs).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClaudeSessions : IAsyncLifetime
{
    public const string Prompt = "Summarize the build log in build.log and tell me why the build fails";
    public const int BuildErrors = 5;

    public CliHarness H { get; } = new(DateTimeOffset.UtcNow);

    public Sample Build { get; } = SampleOutputs.NoisyBuildLog(200 * 1024, errorCount: BuildErrors);

    public Sample Service { get; } = SampleOutputs.ServiceLog(1200);

    /// <summary>HOME of the unhooked session: its transcript is under <c>.claude/projects/&lt;slug&gt;/</c>.</summary>
    public string PlainHome => H.Home;

    public string HookedHome => Path.Combine(H.Root, "home-hooked");

    public IReadOnlyList<CapturedRequest> Plain { get; private set; } = [];

    public IReadOnlyList<CapturedRequest> Hooked { get; private set; } = [];

    public List<JsonObject> HookLog { get; private set; } = [];

    public string ProjectsDir => Path.Combine(PlainHome, ".claude", "projects");

    /// <summary>The scripted work: a 200 KB build log (over Claude Code's 30,000-character limit: persisted, 2 KB preview),
    /// a log file read, a content grep, a command that fails, and a real command's mid-size output.</summary>
    public ScriptStep[] Script() =>
    [
        ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "cat build.log", ["description"] = "Show the build log" }),
        ScriptStep.CallTool("Read", new JsonObject { ["file_path"] = H.RepoFile("service.log") }),
        ScriptStep.CallTool("Grep", new JsonObject { ["pattern"] = "error", ["path"] = H.RepoFile("service.log"), ["output_mode"] = "content", ["-i"] = true }),
        ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "ls /nonexistent-dm-discover", ["description"] = "A command that fails" }),
        ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "seq 1 4000", ["description"] = "Count" }),
        ScriptStep.Reply("The build fails with five compiler errors."),
    ];

    public async Task InitializeAsync()
    {
        H.WriteRepo("build.log", Build.Text);
        H.WriteRepo("service.log", Service.Text);

        await using (var api = await FakeAnthropicServer.StartAsync(Script()))
        {
            var run = await ClaudeCodeRunner.RunAsync(H.Repo, Prompt, api, PlainHome);
            if (run.ExitCode != 0) throw new InvalidOperationException("unhooked claude run failed: " + run);
            Plain = api.MainLoopRequests;
        }

        await WireRealHooksAsync();
        await using (var api = await FakeAnthropicServer.StartAsync(Script()))
        {
            var run = await ClaudeCodeRunner.RunAsync(H.Repo, Prompt, api, HookedHome);
            if (run.ExitCode != 0) throw new InvalidOperationException("hooked claude run failed: " + run);
            Hooked = api.MainLoopRequests;
        }
        var log = new WorkspacePaths(H.Repo).HooksLog;
        HookLog = File.ReadAllLines(log).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        // The hooked session's settings must not leak into what discover reads: only the plain HOME is read.
        File.Delete(H.RepoFile(".claude/settings.json"));
    }

    /// <summary>The published AOT hooks in <c>hooks/bin</c>, wired in <c>.claude/settings.json</c> exactly as <c>dm install</c> does.</summary>
    private async Task WireRealHooksAsync()
    {
        var bin = H.RepoFile(WiringDefaults.HookDir);
        Directory.CreateDirectory(bin);
        foreach (var (project, exe) in new[] { ("src/DistributedModel.Hooks.PostToolUse", "PostToolUse"), ("src/DistributedModel.Hooks.UserPromptSubmit", "UserPromptSubmit") })
        {
            var source = Path.Combine(await DotnetPublisher.PublishAsync(project, aot: true), exe);
            var target = Path.Combine(bin, exe);
            File.Copy(source, target, overwrite: true);
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        }
        var settings = new JsonObject
        {
            ["hooks"] = new JsonObject
            {
                ["UserPromptSubmit"] = new JsonArray(new JsonObject
                {
                    ["hooks"] = new JsonArray(new JsonObject { ["type"] = "command", ["command"] = WiringDefaults.HookCommand("UserPromptSubmit") }),
                }),
                ["PostToolUse"] = new JsonArray(new JsonObject
                {
                    ["matcher"] = WiringDefaults.PostToolUseMatcher,
                    ["hooks"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "command", ["command"] = WiringDefaults.HookCommand("PostToolUse"), ["timeout"] = WiringDefaults.PostToolUseTimeoutSeconds,
                    }),
                }),
            },
        };
        H.WriteRepo(".claude/settings.json", settings.ToJsonString());
    }

    public Task DisposeAsync()
    {
        H.Dispose();
        return Task.CompletedTask;
    }
}
