using DistributedModel.Mcp.Dispatch.Codex;

namespace DistributedModel.Mcp.Tests.Dispatch.Codex;

public sealed class CodexEventTrackerTests
{
    [Fact]
    public void A_successful_stream_yields_usage_final_message_changes_and_progress()
    {
        var t = new CodexEventTracker("/w");
        string[] lines =
        [
            """{"type":"thread.started","thread_id":"th_1"}""",
            """{"type":"turn.started"}""",
            """{"type":"item.started","item":{"id":"item_0","type":"command_execution","command":"/bin/bash -c \"pytest -q\"","status":"in_progress"}}""",
            """{"type":"item.completed","item":{"id":"item_0","type":"command_execution","command":"/bin/bash -c \"pytest -q\"","aggregated_output":"1 failed","exit_code":1,"status":"completed"}}""",
            """{"type":"item.completed","item":{"id":"item_1","type":"file_change","changes":[{"path":"/w/src/a.py","kind":"update"},{"path":"/w/b.txt","kind":"add"}],"status":"completed"}}""",
            """{"type":"item.completed","item":{"id":"item_2","type":"agent_message","text":"first"}}""",
            """{"type":"item.completed","item":{"id":"item_3","type":"agent_message","text":"Done."}}""",
            """{"type":"turn.completed","usage":{"input_tokens":3300,"cached_input_tokens":900,"cache_write_input_tokens":0,"output_tokens":65,"reasoning_output_tokens":5}}""",
        ];

        var progress = lines.Select(t.Apply).OfType<string>().ToList();

        t.ThreadId.Should().Be("th_1");
        t.Commands.Should().Be(1);
        t.FailedCommands.Should().Be(1);
        t.ChangedFiles.Should().BeEquivalentTo("src/a.py", "b.txt");
        t.FinalMessage.Should().Be("Done.");
        t.Usage.Should().Be(new CodexUsage(3300, 900, 65, 5));
        t.TurnCompleted.Should().BeTrue();
        progress.Should().Equal(
            "codex started",
            "codex runs: /bin/bash -c \"pytest -q\"",
            "codex edits: update src/a.py, add b.txt",
            "codex finished the turn (3300 tokens in, 65 out)");
    }

    [Fact]
    public void A_failed_turn_keeps_the_error_message()
    {
        var t = new CodexEventTracker("/w");
        t.Apply("""{"type":"error","message":"unexpected status 500"}""");
        var progress = t.Apply("""{"type":"turn.failed","error":{"message":"unexpected status 500 Internal Server Error"}}""");

        t.TurnFailed.Should().BeTrue();
        t.FailureMessage.Should().Be("unexpected status 500 Internal Server Error");
        t.Errors.Should().Equal("unexpected status 500");
        progress.Should().StartWith("codex failed: unexpected status 500");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2]")]
    [InlineData("{\"no_type\":1}")]
    public void Garbage_lines_are_counted_and_ignored(string line)
    {
        var t = new CodexEventTracker("/w");

        t.Apply(line).Should().BeNull();

        t.UnparsedLines.Should().Be(1);
        t.Events.Should().Be(0);
    }
}
