using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Routing;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Routing;

public sealed class UserPromptSubmitHookTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-ups");
    private WorkspacePaths Paths => new(_dir.Path);

    [Fact]
    public void Matching_prompt_prints_additionalContext_and_reports_injected()
    {
        var result = UserPromptSubmitHook.Handle(HookInputs.Parse(HookInputs.Prompt(_dir.Path, "Scaffold CRUD endpoints for the Invoice entity")), Paths);

        result.Outcome.Should().Be("injected");
        result.Detail.Should().Be("lanes=scaffold");
        var specific = JsonNode.Parse(result.Stdout!)!["hookSpecificOutput"]!.AsObject();
        specific["hookEventName"]!.GetValue<string>().Should().Be("UserPromptSubmit");
        var context = specific["additionalContext"]!.GetValue<string>();
        context.Should().Contain("mcp__distributed-model__scaffold");
        result.OutputBytes.Should().Be(Encoding.UTF8.GetByteCount(context));
    }

    [Fact]
    public void Neutral_prompt_prints_nothing_and_reports_passthrough()
    {
        var result = UserPromptSubmitHook.Handle(HookInputs.Parse(HookInputs.Prompt(_dir.Path, "What does the Parse method do?")), Paths);

        result.Outcome.Should().Be("passthrough");
        result.Stdout.Should().BeNull();
        result.OutputBytes.Should().Be(0);
    }

    [Fact]
    public void Missing_prompt_fails_open()
    {
        var act = () => UserPromptSubmitHook.Handle(HookInputs.Parse(HookInputs.Common("UserPromptSubmit", _dir.Path).ToJsonString()), Paths);

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("missing-fields");
    }

    [Fact]
    public void Project_config_changes_the_guidance()
    {
        _dir.Write(".claude/dm.json", """{"routing":{"lanes":[{"lane":"scaffold","guidance":"Team rule: mcp__distributed-model__scaffold only."}]}}""");

        var result = UserPromptSubmitHook.Handle(HookInputs.Parse(HookInputs.Prompt(_dir.Path, "Scaffold CRUD endpoints for Invoice")), Paths);

        JsonNode.Parse(result.Stdout!)!["hookSpecificOutput"]!["additionalContext"]!.GetValue<string>().Should().Contain("Team rule");
    }

    public void Dispose() => _dir.Dispose();
}
