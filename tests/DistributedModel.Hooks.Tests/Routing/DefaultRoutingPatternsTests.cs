using System.Text.RegularExpressions;
using DistributedModel.Hooks.Routing;

namespace DistributedModel.Hooks.Tests.Routing;

public sealed class DefaultRoutingPatternsTests
{
    private static IEnumerable<string> DefaultPatterns()
    {
        var rules = RoutingRulesLoader.LoadDefaults();
        return rules.SkipIf!.Concat(rules.Lanes!.SelectMany(l => (l.Match ?? []).Concat(l.Exclude ?? []).Concat(l.Files?.Exclude ?? [])));
    }

    private static readonly string[] Prompts =
    [
        "Summarize the CI logs under artifacts/ and tell me why the nightly failed",
        "SUMMARISE THE BUILD OUTPUT", "tl;dr of this thread", "Can you skim the entire codebase for TODOs?",
        "Summarize your changes in the commit message", "summarise the diff",
        "Scaffold CRUD endpoints for the Invoice entity", "Generate the DTOs and a repository for Customer",
        "Should we use Postgres or SQLite?", "Which database is better for this?", "pros and cons of gRPC",
        "I want a second opinion on this caching plan", "cross-check the design please",
        "Implement the export feature: CSV and JSON", "Add a new endpoint for refunds", "add support for Azure",
        "Fix the typo in the README heading", "Rename x to count", "call mcp__distributed-model__summarize on it",
        "Ünïcödé prompt with İstanbul and ß — summarize the logs", "read\nthe logs", "",
    ];

    [Fact]
    public void Every_pattern_in_the_default_rules_json_has_a_source_generated_twin_and_a_configured_one_does_not()
    {
        var patterns = DefaultPatterns().ToList();

        patterns.Should().HaveCountGreaterThanOrEqualTo(14);
        patterns.Should().AllSatisfy(p => DefaultRoutingPatterns.Precompiled(p).Should().NotBeNull(p));
        DefaultRoutingPatterns.Precompiled(@"\bflame ?graph\b").Should().BeNull();
    }

    [Fact]
    public void Source_generated_defaults_match_exactly_what_the_interpreter_matches()
    {
        foreach (var pattern in DefaultPatterns())
        {
            var generated = DefaultRoutingPatterns.Precompiled(pattern)!;
            var interpreted = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            generated.Options.Should().Be(interpreted.Options);
            generated.MatchTimeout.Should().Be(TimeSpan.FromSeconds(1));
            foreach (var prompt in Prompts)
                generated.IsMatch(prompt).Should().Be(interpreted.IsMatch(prompt), $"pattern {pattern} on \"{prompt}\"");
        }
    }

    [Fact]
    public void A_default_pattern_given_again_in_dm_json_still_routes()
    {
        var defaults = RoutingRulesLoader.LoadDefaults();
        var scaffold = defaults.Lanes!.Single(l => l.Lane == "scaffold");
        var rules = RoutingRulesLoader.Merge(defaults, new RoutingRules
        {
            ReplaceDefaults = true,
            Lanes = [scaffold with { Match = [scaffold.Match![1], @"\bflame ?graph\b"] }],
        });

        var router = new PromptRouter(rules);

        router.Problems.Should().BeEmpty();
        router.Route("Scaffold CRUD endpoints for the Invoice entity").Lanes.Should().Equal("scaffold");
        router.Route("Show me a flamegraph of the hot path").Lanes.Should().Equal("scaffold");
        router.Route("Write a skeleton for the parser").Lanes.Should().BeEmpty("the first default pattern was dropped by the override");
    }
}
