using System.Text.Json;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// One tool call of a transcript joined with its result: the assistant's <c>tool_use</c> block (name, input) and the
/// user record carrying the <c>tool_result</c> block (what entered the model's context) and <c>toolUseResult</c>
/// (the tool's structured response — what Claude Code hands a PostToolUse hook as <c>tool_response</c>).
/// </summary>
/// <param name="Id">The <c>tool_use_id</c>.</param>
/// <param name="Tool">Tool name (<c>Bash</c>, <c>Read</c>, <c>mcp__server__tool</c>…); "?" when the tool_use block was not seen.</param>
/// <param name="Input">The tool_use input (a detached clone), or null.</param>
/// <param name="ContextText">The text of the tool_result block: exactly what Claude Code put into the context.</param>
/// <param name="Response">The record's <c>toolUseResult</c> (a detached clone), or null when absent.</param>
/// <param name="IsError">The tool_result was flagged <c>is_error</c> (a failed call: PostToolUse does not run for it).</param>
/// <param name="Timestamp">The result record's time, if readable.</param>
public sealed record TranscriptToolCall(
    string Id, string Tool, JsonElement? Input, string ContextText, JsonElement? Response, bool IsError, DateTimeOffset? Timestamp)
{
    /// <summary>The time of the assistant record that made the call, if readable: the tool ran, and PostToolUse with it,
    /// between this and <see cref="Timestamp"/>.</summary>
    public DateTimeOffset? CalledAt { get; init; }
}
