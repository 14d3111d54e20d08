using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

public sealed class ReviewVerdictParserTests
{
    [Fact]
    public void A_valid_verdict_is_parsed_with_findings_sorted_most_severe_first()
    {
        const string reply = """
            {"verdict":"request_changes","findings":[
              {"file":"src/a.py","line":3,"severity":"low","message":"naming"},
              {"file":"src/a.py","line":null,"severity":"critical","message":"deletes data"}]}
            """;

        ReviewVerdictParser.TryParse(reply, out var verdict, out var error).Should().BeTrue(error);

        verdict!.Verdict.Should().Be("request_changes");
        verdict.Findings.Select(f => f.Severity).Should().Equal("critical", "low");
        verdict.Findings[0].Line.Should().BeNull();
        verdict.Findings[1].Should().Be(new ReviewFinding("src/a.py", 3, "low", "naming"));
    }

    [Fact]
    public void Json_in_a_code_fence_with_prose_and_synonyms_is_accepted()
    {
        const string reply = "Here is my review:\n```json\n{\"verdict\": \"Request changes\", \"findings\": "
            + "[{\"file\": \"x.cs\", \"line\": \"12\", \"severity\": \"Major\", \"message\": \"leak\"}]}\n```";

        ReviewVerdictParser.TryParse(reply, out var verdict, out _).Should().BeTrue();

        verdict!.Verdict.Should().Be("request_changes");
        verdict.Findings.Single().Should().Be(new ReviewFinding("x.cs", 12, "high", "leak"));
    }

    [Fact]
    public void An_approval_without_findings_is_valid()
    {
        ReviewVerdictParser.TryParse("""{"verdict":"approve"}""", out var verdict, out _).Should().BeTrue();
        verdict!.Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "empty reply")]
    [InlineData("looks good to me!", "no JSON object")]
    [InlineData("{\"verdict\": \"approve\",}x}", "invalid JSON")]
    [InlineData("{\"findings\": []}", "missing string field 'verdict'")]
    [InlineData("{\"verdict\": \"maybe\", \"findings\": []}", "verdict 'maybe' is not one of")]
    [InlineData("{\"verdict\": \"approve\", \"findings\": {}}", "'findings' is not an array")]
    [InlineData("{\"verdict\": \"reject\", \"findings\": [{\"file\": \"a\", \"severity\": \"high\"}]}", "findings[0]: missing 'message'")]
    [InlineData("{\"verdict\": \"reject\", \"findings\": [{\"file\": \"a\", \"severity\": \"scary\", \"message\": \"m\"}]}", "findings[0]: severity 'scary'")]
    [InlineData("{\"verdict\": \"reject\", \"findings\": [{\"file\": \"a\", \"line\": -3, \"severity\": \"low\", \"message\": \"m\"}]}", "'line' must be")]
    [InlineData("{\"verdict\": \"reject\", \"findings\": [\"just text\"]}", "findings[0]: not an object")]
    public void Malformed_replies_are_rejected_with_the_reason(string reply, string reason)
    {
        ReviewVerdictParser.TryParse(reply, out var verdict, out var error).Should().BeFalse();

        verdict.Should().BeNull();
        error.Should().Contain(reason);
    }
}
