namespace DistributedModel.Mcp.Tests.Consult;

public sealed class ConsultToolTests
{
    [Fact]
    public async Task Consult_writes_a_decision_record_and_returns_the_verdict_and_rationale()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("src/Orders.cs", "class Orders { void Place() { /* sync */ } }");
        h.OpenAI.Reply(Samples.Opinion("MODIFY", "Queue yes, but outbox first."));

        var (text, isError) = await h.CallAsync("consult", new()
        {
            ["question"] = "Queue for order events?", ["proposal"] = "Add RabbitMQ", ["paths"] = new[] { "src/*.cs" },
        });

        isError.Should().BeFalse(text);
        text.Should().StartWith("verdict: MODIFY\nrationale: Queue yes, but outbox first.");
        h.OpenAI.LastRequest.UserPrompt.Should().Contain("class Orders").And.Contain("Add RabbitMQ");
        var record = text.Split('\n').Single(l => l.StartsWith("record: ", StringComparison.Ordinal))["record: ".Length..].Split(' ')[0];
        record.Should().MatchRegex(@"^audits/\d{4}-\d{2}-\d{2}-use-a-queue-for-order-events\.md$");
        var md = File.ReadAllText(h.Workspace.Combine(record));
        md.Should().StartWith("---\ndate: ").And.Contain("kind: consult\nverdict: MODIFY\nproviders: openai\n---")
            .And.Contain("## Options").And.Contain("pro: decoupled").And.Contain("## Consultant's position").And.Contain("## Consequences")
            .And.Contain("src/Orders.cs");
    }

    [Fact]
    public async Task A_malformed_verdict_is_retried_once_with_the_problem_stated()
    {
        await using var h = await LaneServerHarness.StartAsync();
        var n = 0;
        h.OpenAI.Reply(_ => ++n == 1 ? Samples.Opinion("MAYBE") : Samples.Opinion("AFFIRM"));

        var (text, isError) = await h.CallAsync("consult", new() { ["question"] = "Queue?", ["proposal"] = "Add RabbitMQ" });

        isError.Should().BeFalse(text);
        text.Should().StartWith("verdict: AFFIRM");
        h.OpenAI.RequestCount.Should().Be(2);
        h.OpenAI.LastRequest.UserPrompt.Should().Contain("\"verdict\" must be one of AFFIRM, MODIFY, REVERSE, DEFER (got \"MAYBE\")");
    }

    [Fact]
    public async Task Two_malformed_answers_fail_clearly_write_no_record_and_keep_the_raw_answer()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.OpenAI.Reply("I think you should probably do it.");

        var (text, isError) = await h.CallAsync("consult", new() { ["question"] = "Queue?" });

        isError.Should().BeTrue();
        text.Should().Contain("no valid verdict after one retry").And.Contain("not valid JSON").And.Contain(".claude/dm/raw/consult-");
        Directory.Exists(h.Paths.AuditsDir).Should().BeFalse();
        Directory.GetFiles(h.Paths.RawDir).Should().ContainSingle().Which.Should().Match(f => File.ReadAllText(f).Contains("probably"));
    }

    [Fact]
    public async Task An_audits_folder_committed_as_a_link_out_of_the_repository_gets_no_record_but_the_answer_still_arrives()
    {
        // Issue 26 item 2: a clone commits `audits -> ~/.config/autostart` (or any folder); the record must not land there.
        await using var h = await LaneServerHarness.StartAsync();
        var outside = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dm-outside-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            Directory.CreateSymbolicLink(h.Paths.AuditsDir, outside);
            h.OpenAI.Reply(Samples.Opinion("AFFIRM", "Fine."));

            var (text, isError) = await h.CallAsync("consult", new() { ["question"] = "Queue?" });

            isError.Should().BeFalse(text);
            text.Should().StartWith("verdict: AFFIRM").And.Contain("record: not written (").And.Contain("is a symbolic link");
            Directory.EnumerateFileSystemEntries(outside).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
