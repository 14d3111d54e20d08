using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers.Security;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Tests.Execution;

/// <summary>
/// Issue 11.14b: a malformed model answer quoted in an error (a bad verdict) reaches neither the orchestrator nor mcp.log
/// with a key in it, and the quote is bounded. Must survive: the configured key and key-shaped tokens replaced by
/// [REDACTED], the refusal's meaning kept, the message at most <see cref="ToolRunner.MaxErrorChars"/> characters.
/// </summary>
public sealed class ErrorRedactionTests
{
    private const string KeyShaped = "sk-abcdefghijklmnopqrstuvwxyz0123456789";

    [Fact]
    public async Task A_malformed_verdict_echoing_keys_is_redacted_and_bounded_in_the_tool_error()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.OpenAI.Reply(Samples.Opinion("test-openai-key " + KeyShaped + new string('x', 50_000)));

        var (text, isError) = await h.CallAsync("consult", new() { ["question"] = "Queue?" });

        isError.Should().BeTrue(text);
        text.Should().Contain("\"verdict\" must be one of AFFIRM, MODIFY, REVERSE, DEFER").And.Contain("[REDACTED]");
        text.Should().NotContain("test-openai-key").And.NotContain(KeyShaped);
        text.Length.Should().BeLessThan(ToolRunner.MaxErrorChars + 200);
    }

    [Fact]
    public async Task The_log_line_of_a_refusal_is_redacted_and_bounded_too()
    {
        var log = new ListLogger();
        var runner = new ToolRunner(new McpOptions(), TimeProvider.System, log, new Redactor(["configured-secret-value"]));

        var act = () => runner.RunAsync("consult", null,
            _ => throw new McpException("bad answer: configured-secret-value " + KeyShaped + new string('y', 100_000)), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<McpException>()).Which.Message;
        foreach (var text in new[] { thrown, log.Lines.Single() })
        {
            text.Should().Contain("bad answer: [REDACTED] [REDACTED]").And.NotContain("configured-secret-value").And.NotContain(KeyShaped);
            text.Length.Should().BeLessThan(ToolRunner.MaxErrorChars + 100);
        }
    }

    /// <summary>A logging sink that keeps formatted lines (the logger is a process edge: mcp.log's Serilog sink sits here).</summary>
    private sealed class ListLogger : ILogger<ToolRunner>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
