using DistributedModel.Hooks.Routing;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Routing;

public sealed class RoutingRulesLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-routing");

    [Fact]
    public void Defaults_define_the_five_lanes_each_naming_its_mcp_tool()
    {
        var rules = RoutingRulesLoader.LoadDefaults();

        rules.Lanes!.Select(l => l.Lane).Should().Equal("summarize", "scaffold", "consult", "tribunal", "dispatch");
        foreach (var lane in rules.Lanes!)
            lane.Guidance.Should().Contain("mcp__distributed-model__" + lane.Lane);
        rules.MaxContextBytes.Should().Be(600);
    }

    [Fact]
    public void No_config_file_means_defaults()
    {
        var loaded = RoutingRulesLoader.Load(_dir.Combine(".claude", "dm.json"));

        loaded.Warning.Should().BeNull();
        loaded.Rules.Should().BeEquivalentTo(RoutingRulesLoader.LoadDefaults());
    }

    [Fact]
    public void Routing_section_overrides_a_lane_by_name_adds_new_lanes_and_can_disable_one()
    {
        var config = _dir.Write(".claude/dm.json", """
            {
              // other sections are someone else's business
              "providers": { "gemini": { "model": "gemini-3.8-flash" } },
              "routing": {
                "maxContextBytes": 400,
                "lanes": [
                  { "lane": "scaffold", "guidance": "Use mcp__distributed-model__scaffold for all generated code." },
                  { "lane": "dispatch", "enabled": false },
                  { "lane": "perf", "match": ["\\bprofil(e|ing)\\b"], "guidance": "Profile with dotnet-trace first." },
                ]
              }
            }
            """);

        var loaded = RoutingRulesLoader.Load(config);
        var router = new PromptRouter(loaded.Rules);

        loaded.Warning.Should().BeNull();
        loaded.Rules.MaxContextBytes.Should().Be(400);
        router.Route("Scaffold CRUD endpoints for Invoice").Context.Should().Contain("for all generated code");
        router.Route("Implement the export feature with tests").Context.Should().BeNull("dispatch was disabled");
        router.Route("Let's profile the hot path of the parser").Lanes.Should().Equal("perf");
        router.Route("Summarize the CI logs under artifacts/").Lanes.Should().Equal("summarize");
    }

    [Fact]
    public void ReplaceDefaults_keeps_only_the_configured_lanes()
    {
        var config = _dir.Write(".claude/dm.json", """
            {"routing": {"replaceDefaults": true, "lanes": [{"lane": "only", "match": ["banana"], "guidance": "g"}]}}
            """);

        var rules = RoutingRulesLoader.Load(config).Rules;

        rules.Lanes!.Select(l => l.Lane).Should().Equal("only");
    }

    [Fact]
    public void Malformed_config_falls_back_to_defaults_with_a_warning()
    {
        var config = _dir.Write(".claude/dm.json", "{ \"routing\": { \"lanes\": [ ");

        var loaded = RoutingRulesLoader.Load(config);

        loaded.Rules.Should().BeEquivalentTo(RoutingRulesLoader.LoadDefaults());
        loaded.Warning.Should().StartWith("dm.json ignored: invalid JSON");
    }

    [Fact]
    public void A_config_without_a_routing_section_means_defaults_and_no_warning()
    {
        var config = _dir.Write(".claude/dm.json", """
            // providers only
            {"lanes": {"summarize": {"chain": ["gemini", "deepseek"], "routing": "not this one"}}, "providers": {},}
            """);

        var loaded = RoutingRulesLoader.Load(config);

        loaded.Warning.Should().BeNull();
        loaded.Rules.Should().BeEquivalentTo(RoutingRulesLoader.LoadDefaults());
    }

    [Fact]
    public void A_malformed_config_is_reported_even_when_it_has_no_routing_section()
    {
        var config = _dir.Write(".claude/dm.json", "{\n  \"lanes\": {\"summarize\": [1, 2\n}");

        var loaded = RoutingRulesLoader.Load(config);

        loaded.Warning.Should().Be("dm.json ignored: invalid JSON at line 3");
        loaded.Rules.Should().BeEquivalentTo(RoutingRulesLoader.LoadDefaults());
    }

    [Fact]
    public void A_routing_section_after_other_sections_in_a_file_with_a_byte_order_mark_is_applied()
    {
        var config = _dir.Write(".claude/dm.json", "");
        File.WriteAllText(config, """
            {"providers": {"gemini": {"baseUrl": "http://127.0.0.1:1"}}, /* why */ "routing": {"maxContextBytes": 321}}
            """, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var loaded = RoutingRulesLoader.Load(config);

        loaded.Warning.Should().BeNull();
        loaded.Rules.MaxContextBytes.Should().Be(321);
    }

    [Fact]
    public void Text_after_the_config_object_is_reported()
    {
        var loaded = RoutingRulesLoader.Load(_dir.Write(".claude/dm.json", "{\"providers\": {}}\n}"));

        loaded.Warning.Should().Be("dm.json ignored: invalid JSON at line 2");
    }

    [Fact]
    public void A_config_that_is_not_an_object_is_reported()
    {
        var loaded = RoutingRulesLoader.Load(_dir.Write(".claude/dm.json", "[1, 2]"));

        loaded.Warning.Should().StartWith("dm.json ignored: invalid JSON");
    }

    public void Dispose() => _dir.Dispose();
}
