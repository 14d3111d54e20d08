using System.Text.Json.Nodes;
using DistributedModel.Cli.Wiring;
using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Tests.Wiring;

public sealed class SettingsWiringTests
{
    private static readonly WiringPlan Plan = WiringPlan.ForRepository();
    private static readonly string Post = WiringDefaults.HookCommand("PostToolUse");

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Fact]
    public void A_stale_copy_of_our_group_is_replaced_in_place_not_duplicated()
    {
        var settings = Parse($$$"""
            {"hooks":{"PostToolUse":[
              {"matcher":"Edit","hooks":[{"type":"command","command":"lint"}]},
              {"matcher":"Bash","hooks":[{"type":"command","command":{{{System.Text.Json.JsonSerializer.Serialize(Post)}}},"timeout":99}]},
              {"matcher":"Write","hooks":[{"type":"command","command":"fmt"}]}]}}
            """);

        SettingsWiring.Add(settings, Plan, "settings.json").Should().BeTrue();

        var groups = settings["hooks"]!["PostToolUse"]!.AsArray();
        groups.Select(g => g!["matcher"]!.GetValue<string>()).Should().Equal("Edit", WiringDefaults.PostToolUseMatcher, "Write");
        groups[1]!["hooks"]![0]!["timeout"]!.GetValue<int>().Should().Be(WiringDefaults.PostToolUseTimeoutSeconds);
        SettingsWiring.Add(settings, Plan, "settings.json").Should().BeFalse("the second merge finds everything in place");
    }

    [Fact]
    public void Removing_keeps_a_user_hook_that_shares_a_group_with_ours()
    {
        var settings = Parse($$$"""
            {"hooks":{"PostToolUse":[{"matcher":"Bash|Read|Grep|mcp__.*","hooks":[
              {"type":"command","command":{{{System.Text.Json.JsonSerializer.Serialize(Post)}}},"timeout":10},
              {"type":"command","command":"audit-log"}]}]}}
            """);

        SettingsWiring.Remove(settings, Plan, original: null).Should().BeTrue();

        settings.ToJsonString().Should().Be("""{"hooks":{"PostToolUse":[{"matcher":"Bash|Read|Grep|mcp__.*","hooks":[{"type":"command","command":"audit-log"}]}]}}""");
    }

    [Fact]
    public void Removing_from_settings_without_our_hooks_reports_no_change()
    {
        var settings = Parse("""{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}]}}""");

        SettingsWiring.Remove(settings, Plan, original: null).Should().BeFalse();
        SettingsWiring.IsWired(settings, Plan).Should().BeFalse();
    }

    /// <summary>What versions before the guard wrote: bare paths, and for user scope the path with and without its argument.</summary>
    [Theory]
    [InlineData("repo", "\"$CLAUDE_PROJECT_DIR\"/hooks/bin/UserPromptSubmit", "\"$CLAUDE_PROJECT_DIR\"/hooks/bin/PostToolUse")]
    [InlineData("user", "\"/home/u/.claude/dm/bin/UserPromptSubmit\" --install user", "\"/home/u/.claude/dm/bin/PostToolUse\"")]
    [InlineData("user", "\"/home/u/.claude/dm/bin/UserPromptSubmit\"", "\"/home/u/.claude/dm/bin/PostToolUse\"")]
    public void An_install_from_before_the_missing_binary_guard_is_upgraded_in_place_and_uninstalled(string scope, string oldPrompt, string oldPost)
    {
        var plan = scope == "repo" ? Plan : WiringPlan.ForUser("/home/u/.claude/dm/bin");
        string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);
        var old = $$$"""
            {"hooks":{"UserPromptSubmit":[{"hooks":[{"type":"command","command":{{{Json(oldPrompt)}}}}]}],
              "PostToolUse":[{"matcher":"Bash|Read|Grep|mcp__.*","hooks":[{"type":"command","command":{{{Json(oldPost)}}},"timeout":10}]},
                             {"matcher":"Edit","hooks":[{"type":"command","command":"lint"}]}]}}
            """;
        var settings = Parse(old);

        SettingsWiring.Add(settings, plan, "settings.json").Should().BeTrue();

        var post = settings["hooks"]!["PostToolUse"]!.AsArray();
        post.Select(g => g!["hooks"]![0]!["command"]!.GetValue<string>()).Should().Equal(plan.Hooks.Single(h => h.Event == "PostToolUse").Command, "lint");
        post[0]!["hooks"]![0]!["command"]!.GetValue<string>().Should().StartWith("[ -x ").And.EndWith("; exit 0");
        settings["hooks"]!["UserPromptSubmit"]!.AsArray().Should().ContainSingle();
        SettingsWiring.IsWired(settings, plan).Should().BeTrue();
        SettingsWiring.Remove(Parse(old), plan, original: null).Should().BeTrue("uninstall recognises the old commands too");
        SettingsWiring.Remove(settings, plan, original: null).Should().BeTrue();
        settings.ToJsonString().Should().Be("""{"hooks":{"PostToolUse":[{"matcher":"Edit","hooks":[{"type":"command","command":"lint"}]}]}}""");
    }
}
