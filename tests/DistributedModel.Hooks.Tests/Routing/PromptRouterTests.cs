using System.Text;
using DistributedModel.Hooks.Routing;

namespace DistributedModel.Hooks.Tests.Routing;

public sealed class PromptRouterTests
{
    private static readonly PromptRouter Defaults = new(RoutingRulesLoader.LoadDefaults());

    [Theory]
    [InlineData("Summarize the CI logs under artifacts/ and tell me why the nightly failed", "summarize", "mcp__distributed-model__summarize")]
    [InlineData("Can you go through the huge build output in out/build.txt and find the first real error?", "summarize", "mcp__distributed-model__summarize")]
    [InlineData("Scaffold CRUD endpoints for the Invoice entity", "scaffold", "mcp__distributed-model__scaffold")]
    [InlineData("Generate the DTOs and a repository for Customer, Order and OrderLine", "scaffold", "mcp__distributed-model__scaffold")]
    [InlineData("Should we use Postgres or SQLite for the ledger? Weigh the trade-offs", "consult", "mcp__distributed-model__consult")]
    [InlineData("What architecture would you pick for the plugin system?", "consult", "mcp__distributed-model__consult")]
    [InlineData("I want a second opinion on this caching plan before we commit to it", "tribunal", "mcp__distributed-model__tribunal")]
    [InlineData("Implement the export feature: CSV and JSON, with tests", "dispatch", "mcp__distributed-model__dispatch")]
    [InlineData("Add support for Azure OpenAI in the provider library", "dispatch", "mcp__distributed-model__dispatch")]
    public void Matching_prompts_get_guidance_naming_the_lane_tool(string prompt, string lane, string tool)
    {
        var decision = Defaults.Route(prompt);

        decision.Lanes.Should().Contain(lane);
        decision.Context.Should().Contain(tool);
        Encoding.UTF8.GetByteCount(decision.Context!).Should().BeLessThanOrEqualTo(600);
    }

    [Theory]
    [InlineData("What does the Parse method in HookInput do?")]
    [InlineData("Fix the typo in the README heading")]
    [InlineData("Run the tests and tell me if they pass")]
    [InlineData("Rename the variable x to count in Program.cs")]
    [InlineData("yes")]
    [InlineData("continue")]
    [InlineData("Summarize your changes in the commit message")]
    [InlineData("Summarize the CI logs with mcp__distributed-model__summarize")]
    [InlineData("")]
    public void Neutral_prompts_get_nothing(string prompt)
    {
        var decision = Defaults.Route(prompt);

        decision.Context.Should().BeNull();
        decision.Lanes.Should().BeEmpty();
    }

    [Fact]
    public void Several_lanes_are_combined_in_priority_order_within_the_byte_budget()
    {
        const string prompt = "Summarize the logs, then scaffold CRUD for Invoice, decide the architecture trade-offs, get a second opinion, and implement the export feature";

        var decision = Defaults.Route(prompt);

        Encoding.UTF8.GetByteCount(decision.Context!).Should().BeLessThanOrEqualTo(600);
        decision.Lanes.Should().HaveCountGreaterThan(1);
        decision.Lanes[0].Should().Be("summarize");
        decision.Context.Should().StartWith("Distributed Model hint");
    }

    [Fact]
    public void Same_prompt_always_gets_the_same_text()
    {
        const string prompt = "Scaffold CRUD endpoints for the Invoice entity";

        new PromptRouter(RoutingRulesLoader.LoadDefaults()).Route(prompt).Should().BeEquivalentTo(Defaults.Route(prompt));
    }

    [Fact]
    public void Disabled_rules_inject_nothing()
    {
        var router = new PromptRouter(RoutingRulesLoader.LoadDefaults() with { Enabled = false });

        router.Route("Summarize the CI logs under artifacts/").Context.Should().BeNull();
    }

    [Fact]
    public void An_invalid_pattern_is_reported_and_skipped_while_the_valid_ones_still_work()
    {
        var rules = new RoutingRules
        {
            Lanes = [new RoutingLaneRule { Lane = "summarize", Match = ["([unclosed", @"\bdigest\b"], Guidance = "use summarize" }],
        };

        var router = new PromptRouter(rules);

        router.Problems.Should().ContainSingle().Which.Should().Contain("summarize");
        router.Route("please digest this file for me").Lanes.Should().Equal("summarize");
    }

    [Fact]
    public void A_lane_whose_guidance_alone_exceeds_the_budget_is_dropped()
    {
        var rules = new RoutingRules
        {
            MaxContextBytes = 100,
            Lanes =
            [
                new RoutingLaneRule { Lane = "long", Match = ["logs"], Guidance = new string('x', 200) },
                new RoutingLaneRule { Lane = "short", Match = ["logs"], Guidance = "use summarize" },
            ],
        };

        new PromptRouter(rules).Route("read these logs please").Lanes.Should().Equal("short");
    }
}
