using DistributedModel.Providers.Pricing;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Dispatch;

public sealed class DispatchOptionsLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-dispatch-cfg");

    private DispatchOptions Load() => new DispatchOptionsLoader(new WorkspacePaths(_dir.Path)).Load();

    [Fact]
    public void Without_a_config_file_the_defaults_use_two_ollama_reviewers_and_workspace_write()
    {
        var o = Load();

        o.Reviewers.Should().Equal("correctness:ollama/glm-4.7-flash", "quality:ollama/glm-4.7-flash");
        o.Sandbox.Should().Be("workspace-write");
        o.CodexPath.Should().Be("codex");
        o.ResultBudgetBytes.Should().Be(2048);
    }

    [Fact]
    public void The_dispatch_section_overrides_defaults_and_other_sections_are_ignored()
    {
        _dir.Write(".claude/dm.json", """
            {
              // comments are fine
              "routing": {"whatever": true},
              "dispatch": {
                "codexPath": "/opt/codex/bin/codex", "codexModel": "gpt-6.1-terra",
                "codexConfig": ["model_reasoning_effort=\"high\""],
                "timeoutSeconds": 90, "reviewTimeoutSeconds": 12.5,
                "reviewers": ["gemini/gemini-3.8-flash", "ollama/glm-4.7-flash", "security:deepseek"],
                "keepWorktree": true, "codexPrices": {"input": 1.25, "cached": 0.125, "output": 10},
                "someFutureKey": 1
              }
            }
            """);

        var o = Load();

        o.CodexPath.Should().Be("/opt/codex/bin/codex");
        o.CodexModel.Should().Be("gpt-6.1-terra");
        o.CodexConfig.Should().Equal("model_reasoning_effort=\"high\"");
        o.CodexTimeout.Should().Be(TimeSpan.FromSeconds(90));
        o.ReviewTimeout.Should().Be(TimeSpan.FromSeconds(12.5));
        o.Reviewers.Should().HaveCount(3);
        o.KeepWorktree.Should().BeTrue();
        o.CodexPrices.Should().Be(ModelPrice.OpenAI(1.25m, 0.125m, 10m, default));
        o.CodexPrices.CacheWrite.Should().Be(1.25m * 1.25m, "codex is OpenAI-billed: cache writes at 1.25x input");
    }

    [Theory]
    [InlineData("""{"dispatch": {"timeoutSeconds": -1}}""", "dispatch.timeoutSeconds must be a positive number")]
    [InlineData("""{"dispatch": {"reviewers": "ollama"}}""", "dispatch.reviewers must be an array of strings")]
    [InlineData("""{"dispatch": {"keepWorktree": "yes"}}""", "dispatch.keepWorktree must be true or false")]
    [InlineData("""{"dispatch": {"codexPrices": {"input": 1}}}""", "dispatch.codexPrices must be an object with a non-negative number 'cached'")]
    [InlineData("""{"dispatch": """, "is not valid JSON")]
    public void Malformed_settings_are_errors_naming_the_key(string json, string message)
    {
        _dir.Write(".claude/dm.json", json);

        var act = Load;

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{message}*");
    }

    public void Dispose() => _dir.Dispose();
}
