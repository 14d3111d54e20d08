using System.Text.Json.Nodes;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Routing;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Routing;

/// <summary>Issue 14.3: the hint names the tools as the session sees them (verified with Claude Code 2.1.332: plugin tools are
/// mcp__plugin_distributed-model_distributed-model__&lt;tool&gt;), learnt from the --install argument, and skipIf knows every form.</summary>
public sealed class ToolNamesTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-tools");

    private string Hint(string prompt, string mode)
    {
        var result = UserPromptSubmitHook.Handle(HookInputs.Parse(HookInputs.Prompt(_dir.Path, prompt)), new WorkspacePaths(_dir.Path), mode);
        return JsonNode.Parse(result.Stdout!)!["hookSpecificOutput"]!["additionalContext"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("repo", "mcp__distributed-model__scaffold")]
    [InlineData("user", "mcp__distributed-model__scaffold")]
    [InlineData("plugin", "mcp__plugin_distributed-model_distributed-model__scaffold")]
    public void The_hint_names_the_tools_in_the_form_of_the_install(string mode, string tool)
    {
        var hint = Hint("Scaffold CRUD endpoints for the Invoice entity", mode);

        hint.Should().Contain(tool);
        if (mode == "plugin") hint.Should().NotContain("mcp__distributed-model__");
    }

    [Fact]
    public void The_mode_comes_from_the_install_argument_and_a_bad_value_is_reported()
    {
        ToolNames.ModeFrom(["--install", "plugin"], out var p1).Should().Be("plugin");
        p1.Should().BeNull();
        ToolNames.ModeFrom([], out var p2).Should().Be("repo");
        p2.Should().BeNull();
        ToolNames.ModeFrom(["--install", "marketplace"], out var p3).Should().Be("repo");
        p3.Should().Contain("unknown --install value \"marketplace\"");
    }

    [Theory]
    [InlineData("summarize the CI logs with mcp__distributed-model__summarize")]
    [InlineData("summarize the CI logs with mcp__plugin_distributed-model_distributed-model__summarize")]
    public void A_prompt_that_already_names_one_of_our_tools_in_any_form_gets_no_hint(string prompt)
    {
        UserPromptSubmitHook.Decide(prompt, new WorkspacePaths(_dir.Path), "plugin").Decision.Context.Should().BeNull();
        UserPromptSubmitHook.Decide(prompt, new WorkspacePaths(_dir.Path)).Decision.Context.Should().BeNull();
    }

    public void Dispose() => _dir.Dispose();
}
