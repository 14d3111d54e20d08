using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>Calls of the dispatch tools as an orchestrator makes them: start a job, then read or wait for its state.</summary>
public static partial class DispatchToolCalls
{
    public sealed record Started(string Id, string Text, TimeSpan Elapsed, CallToolResult Result);

    public static async Task<Started> DispatchAsync(this McpClient client, Dictionary<string, object?> arguments)
    {
        var sw = Stopwatch.StartNew();
        var result = await client.CallToolAsync("dispatch", arguments);
        sw.Stop();
        var text = TextOf(result);
        result.IsError.Should().NotBe(true, text);
        var id = IdPattern().Match(text);
        id.Success.Should().BeTrue(text);
        return new Started(id.Groups[1].Value, text, sw.Elapsed, result);
    }

    public static Task<CallToolResult> StatusAsync(this McpClient client, string? id = null, int waitSeconds = 0,
        IProgress<ProgressNotificationValue>? progress = null) =>
        client.CallToolAsync("dispatch_status", new Dictionary<string, object?>
        {
            ["id"] = id,
            ["waitSeconds"] = waitSeconds,
        }, progress).AsTask();

    public static string TextOf(CallToolResult result) => result.Content.OfType<TextContentBlock>().Single().Text;

    [GeneratedRegex("^dispatch ([0-9]{8}-[0-9]{6}-[0-9a-f]{6}): ")]
    private static partial Regex IdPattern();
}
