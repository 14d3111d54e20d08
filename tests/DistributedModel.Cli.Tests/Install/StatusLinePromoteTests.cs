using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Tests.Install;

/// <summary>Issue 29.3: <c>dm promote</c> carries the status line to user scope like the hooks; <c>dm uninstall --global</c> takes it back.</summary>
public sealed class StatusLinePromoteTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private const string UserSettingsWithStatusLine = """
        {
            "statusLine": { "type": "command", "command": "bash ~/.claude/my-line.sh", "refreshInterval": 5 },
            "theme": "dark"
        }
        """;

    private static JsonObject Read(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    private string UserCommand => WiringDefaults.GuardedCommand($"\"{Path.Combine(_h.HomeFile(".claude/dm/bin"), "StatusLine")}\"");

    private async Task InstallAndPassTheReview(params string[] installArgs)
    {
        (await _h.RunAsync(["install", .. installArgs, "--hooks-from", _h.FakeBinaries(statusLine: true)])).ExitCode.Should().Be(0);
        _h.Clock.Advance(TimeSpan.FromDays(8));
        SyntheticLogs.WritePassingWeek(_h.Repo, _h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Promote_moves_our_status_line_to_user_scope_and_uninstall_global_restores_the_user_files_byte_for_byte()
    {
        _h.WriteHome(".claude/settings.json", UserFiles.Settings);
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        await InstallAndPassTheReview("--statusline");

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain($"{_h.HomeFile(".claude/settings.json")}: status line set to ours");
        var user = Read(_h.HomeFile(".claude/settings.json"));
        JsonNode.DeepEquals(user["statusLine"], new JsonObject { ["type"] = "command", ["command"] = UserCommand }).Should().BeTrue(user["statusLine"]?.ToJsonString());
        File.Exists(_h.HomeFile(".claude/dm/bin/StatusLine")).Should().BeTrue();
        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().Be(UserFiles.Settings, "moved: the repository's settings are as before install");

        (await _h.RunAsync("promote")).Out.Should().Contain("status line already ours, unchanged");

        var un = await _h.RunAsync("uninstall", "--global");

        un.ExitCode.Should().Be(0, un.ToString());
        un.Out.Should().Contain($"{_h.HomeFile(".claude/settings.json")}: our status line removed");
        File.ReadAllText(_h.HomeFile(".claude/settings.json")).Should().Be(UserFiles.Settings);
    }

    [Fact]
    public async Task Promote_leaves_a_user_scope_status_line_of_the_users_own_and_says_so()
    {
        _h.WriteHome(".claude/settings.json", UserSettingsWithStatusLine);
        await InstallAndPassTheReview("--statusline");

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain($"{_h.HomeFile(".claude/settings.json")}: status line left as yours (bash ~/.claude/my-line.sh); --replace-statusline");
        Read(_h.HomeFile(".claude/settings.json"))["statusLine"]!["command"]!.GetValue<string>().Should().Be("bash ~/.claude/my-line.sh");

        (await _h.RunAsync("uninstall", "--global")).ExitCode.Should().Be(0);
        File.ReadAllText(_h.HomeFile(".claude/settings.json")).Should().Be(UserSettingsWithStatusLine);
    }

    [Fact]
    public async Task Promote_with_replace_statusline_replaces_the_users_and_uninstall_global_gives_it_back_byte_for_byte()
    {
        _h.WriteHome(".claude/settings.json", UserSettingsWithStatusLine);
        await InstallAndPassTheReview("--statusline");

        var run = await _h.RunAsync("promote", "--replace-statusline");

        run.ExitCode.Should().Be(0, run.ToString());
        var user = Read(_h.HomeFile(".claude/settings.json"));
        user.Select(p => p.Key).Should().Equal("statusLine", "theme", "hooks");
        user["statusLine"]!["command"]!.GetValue<string>().Should().Be(UserCommand);

        var un = await _h.RunAsync("uninstall", "--global");

        un.ExitCode.Should().Be(0, un.ToString());
        un.Out.Should().Contain("your status line restored");
        File.ReadAllText(_h.HomeFile(".claude/settings.json")).Should().Be(UserSettingsWithStatusLine);
    }

    [Fact]
    public async Task Promote_of_an_install_without_the_status_line_does_not_set_one()
    {
        _h.WriteHome(".claude/settings.json", UserFiles.Settings);
        await InstallAndPassTheReview();

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().NotContain("status line");
        Read(_h.HomeFile(".claude/settings.json")).ContainsKey("statusLine").Should().BeFalse();
    }

    [Fact]
    public async Task A_malformed_user_scope_status_line_stops_promote_with_the_user_files_untouched()
    {
        _h.WriteHome(".claude/settings.json", "{ \"statusLine\": \"~/line.sh\" }");
        await InstallAndPassTheReview("--statusline");
        var home = CliHarness.Snapshot(_h.Home);
        var repo = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain(_h.HomeFile(".claude/settings.json")).And.Contain("\"statusLine\" must be an object").And.Contain("found ~/line.sh")
            .And.Contain("--replace-statusline");
        CliHarness.Snapshot(_h.Home).Should().Equal(home);
        CliHarness.Snapshot(_h.Repo).Should().Equal(repo, "the repository wiring stays when promote stops");
    }
}
