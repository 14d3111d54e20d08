using System.Text.Json.Nodes;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Wiring;

/// <summary>This repository uses its own product: its committed .claude/settings.json wires both hooks (and the missing-binaries notice) the way dm install does.</summary>
public sealed class RepositorySettingsTests
{
    private static JsonObject Settings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".claude", "settings.json")))!.AsObject();

    [Fact]
    public void Repository_settings_wire_PostToolUse_with_the_shared_matcher_command_and_timeout()
    {
        var entry = Settings()["hooks"]!["PostToolUse"]!.AsArray().Should().ContainSingle().Subject!;

        entry["matcher"]!.GetValue<string>().Should().Be(WiringDefaults.PostToolUseMatcher);
        var hook = entry["hooks"]!.AsArray().Should().ContainSingle().Subject!;
        hook["type"]!.GetValue<string>().Should().Be("command");
        hook["command"]!.GetValue<string>().Should().Be(WiringDefaults.HookCommand("PostToolUse"));
        hook["timeout"]!.GetValue<int>().Should().Be(WiringDefaults.PostToolUseTimeoutSeconds);
    }

    [Fact]
    public void Repository_settings_wire_UserPromptSubmit()
    {
        var entry = Settings()["hooks"]!["UserPromptSubmit"]!.AsArray().Should().ContainSingle().Subject!;

        entry["hooks"]!.AsArray().Should().ContainSingle().Subject!["command"]!.GetValue<string>()
            .Should().Be(WiringDefaults.HookCommand("UserPromptSubmit"));
    }

    [Fact]
    public void Repository_settings_tell_a_clone_without_binaries_how_to_install_at_session_start()
    {
        var entry = Settings()["hooks"]!["SessionStart"]!.AsArray().Should().ContainSingle().Subject!;

        entry["hooks"]!.AsArray().Should().ContainSingle().Subject!["command"]!.GetValue<string>()
            .Should().Be(WiringDefaults.SessionStartCommand());
    }
}
