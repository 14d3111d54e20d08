using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

public sealed class ReviewerSpecTests
{
    [Fact]
    public void Reviewers_without_a_framing_get_the_unused_ones_in_order()
    {
        var specs = ReviewerSpec.ParseAll(["ollama/glm-4.7-flash", "quality:deepseek", "gemini/gemini-3.8-flash"], ModelFamily.OpenAi);

        specs.Should().Equal(
            new ReviewerSpec("correctness", "ollama", "glm-4.7-flash"),
            new ReviewerSpec("quality", "deepseek", null),
            new ReviewerSpec("security", "gemini", "gemini-3.8-flash"));
    }

    [Fact]
    public void Ollama_model_tags_with_colons_are_kept_whole()
    {
        ReviewerSpec.ParseAll(["security:ollama/qwen3:8b", "ollama/qwen3:8b"], ModelFamily.OpenAi)
            .Should().Equal(new ReviewerSpec("security", "ollama", "qwen3:8b"), new ReviewerSpec("correctness", "ollama", "qwen3:8b"));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("openai/gpt-6.1-sol")]
    [InlineData("ollama/gpt-oss:20b")]
    [InlineData("ollama/o3-mini")]
    [InlineData("deepseek/codex-distill")]
    public void Reviewers_of_the_openai_family_are_refused(string reviewer)
    {
        var act = () => ReviewerSpec.ParseAll([reviewer], ModelFamily.OpenAi);

        act.Should().Throw<ArgumentException>().WithMessage("*is refused*same as the writer*");
    }

    [Theory]
    [InlineData(new string[0], "at least one reviewer")]
    [InlineData(new[] { "ollama", "ollama", "ollama", "ollama" }, "at most 3 reviewers")]
    [InlineData(new[] { "mistral/large" }, "unknown provider 'mistral'")]
    [InlineData(new[] { "style:ollama" }, "unknown framing 'style'")]
    [InlineData(new[] { "quality:ollama", "quality:gemini" }, "its own framing")]
    [InlineData(new[] { " " }, "a reviewer is empty")]
    public void Invalid_reviewer_lists_are_explained(string[] reviewers, string message)
    {
        var act = () => ReviewerSpec.ParseAll(reviewers, ModelFamily.OpenAi);

        act.Should().Throw<ArgumentException>().WithMessage($"*{message}*");
    }

    [Theory]
    [InlineData("ollama", "glm-4.7-flash", "zhipu")]
    [InlineData("ollama", "library/gemma3:4b", "google")]
    [InlineData("gemini", null, "google")]
    [InlineData("deepseek", "deepseek-v4-pro", "deepseek")]
    [InlineData("ollama", "qwen3-coder:30b", "qwen")]
    [InlineData("ollama", "openai/gpt-oss:120b", "openai")]
    [InlineData("ollama", "o4-mini", "openai")]
    [InlineData("ollama", "orca-mini", "ollama:orca-mini")]
    public void Families_are_recognised_from_provider_and_model(string provider, string? model, string family)
    {
        ModelFamily.Of(provider, model).Should().Be(family);
    }
}
