using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers.Security;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Tests.Execution;

/// <summary>
/// Issue 11.6: the tool time limit holds for every tool, also one whose body blocks without looking at its token (as a
/// blocking open(2) did). Must survive: the limit's error message, within a bounded time, while the body is still blocked.
/// </summary>
public sealed class ToolRunnerTests
{
    [Fact]
    public async Task A_body_that_blocks_ignoring_its_token_still_gets_the_time_limit_answer()
    {
        var runner = new ToolRunner(new McpOptions { ToolTimeout = TimeSpan.FromMilliseconds(300) }, TimeProvider.System,
            NullLogger<ToolRunner>.Instance, new Redactor([]));
        using var blocked = new ManualResetEventSlim();
        try
        {
            var call = Task.Run(() => runner.RunAsync("summarize", null, _ =>
            {
                blocked.Wait(); // ignores every token, like a thread stuck in a system call
                return Task.FromResult("never");
            }, CancellationToken.None));

            var act = () => call.WaitAsync(TimeSpan.FromSeconds(20));
            (await act.Should().ThrowAsync<McpException>()).Which.Message
                .Should().Contain("summarize did not finish within its 0 s limit").And.Contain("mcp.toolTimeoutSeconds");
            blocked.IsSet.Should().BeFalse("the answer came while the body was still blocked");
        }
        finally { blocked.Set(); }
    }
}
