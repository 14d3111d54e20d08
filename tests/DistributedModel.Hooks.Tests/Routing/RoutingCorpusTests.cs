using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Routing;
using DistributedModel.Testing;
using DistributedModel.Testing.Routing;
using Xunit.Abstractions;

namespace DistributedModel.Hooks.Tests.Routing;

/// <summary>
/// The default routing rules on the labelled corpus (tests/DistributedModel.Testing/Routing/corpus), each prompt routed by the
/// hook's own decision in a workspace holding the files the prompt's line lists. Prints the routing table per lane and every
/// miss; asserts the corpus is what it claims to be and the targets hold.
/// </summary>
public sealed class RoutingCorpusTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("dm-corpus");

    [Fact]
    public void The_corpus_has_enough_prompts_of_every_kind_and_a_fifth_held_out()
    {
        var tuning = RoutingCorpus.Tuning();
        var holdout = RoutingCorpus.Holdout();
        var all = tuning.Concat(holdout).ToList();

        all.Should().HaveCountGreaterThanOrEqualTo(250);
        all.Select(p => p.Prompt).Should().OnlyHaveUniqueItems();
        all.Count(p => p.Lane == RoutingCorpus.None).Should().BeGreaterThanOrEqualTo(100, "neutral prompts that look close are what false positives come from");
        foreach (var lane in RoutingCorpus.Lanes)
        {
            tuning.Count(p => p.Lane == lane).Should().BeGreaterThanOrEqualTo(12, lane);
            holdout.Count(p => p.Lane == lane).Should().BeGreaterThanOrEqualTo(3, lane);
        }
        ((double)holdout.Count / all.Count).Should().BeInRange(0.17, 0.23);
        all.Count(p => p.Files.Count > 0).Should().BeGreaterThanOrEqualTo(80, "prompts that point at files in the workspace");
    }

    [Fact]
    public void Default_rules_on_the_tuning_corpus_reach_90_percent_recall_with_at_most_3_percent_false_positives() =>
        Score("tuning", RoutingCorpus.Tuning());

    [Fact]
    public void Default_rules_on_the_held_out_corpus_never_tuned_on_reach_the_same_targets() =>
        Score("held out", RoutingCorpus.Holdout());

    private void Score(string name, IReadOnlyList<LabelledPrompt> prompts)
    {
        var workspaces = RoutingCorpus.Materialize(prompts, _dir.Combine(name.Replace(' ', '-')));

        var score = RoutingScore.Measure(prompts, workspaces, (prompt, ws) => UserPromptSubmitHook.Decide(prompt, new WorkspacePaths(ws)).Decision.Lanes);

        output.WriteLine(score.Table($"Default routing rules, {name} corpus ({prompts.Count} prompts)"));
        foreach (var (p, got) in score.Misses)
            output.WriteLine($"miss line {p.Line}: expected {p.Lane}, got [{string.Join(',', got)}]: {p.Prompt}");
        (score.LanePrompts + score.Neutral).Should().Be(prompts.Count, "every prompt was routed and scored");
        score.Lanes.Sum(l => l.Expected).Should().Be(score.LanePrompts);
        score.Recall.Should().BeGreaterThanOrEqualTo(0.90, "issue 14 target");
        score.FalsePositiveRate.Should().BeLessThanOrEqualTo(0.03, "issue 14 target");
    }

    public void Dispose() => _dir.Dispose();
}
