using DistributedModel.Hooks.Workspace;

namespace DistributedModel.Hooks.Runtime;

/// <summary>What one hook call decided: the JSON to print (null = print nothing) and the facts for its hooks.log line.</summary>
/// <param name="Outcome"><c>compressed</c>, <c>passthrough</c> or <c>injected</c> (fail-open is signalled by <see cref="FailOpenException"/>).</param>
/// <param name="InputBytes">Bytes the hook looked at (tool output text or prompt).</param>
/// <param name="OutputBytes">Bytes that go on to the model (equal to <paramref name="InputBytes"/> on passthrough for PostToolUse).</param>
/// <param name="Stdout">UTF-8 JSON for Claude Code, or null.</param>
/// <param name="Paths">The workspace the call belongs to (where hooks.log goes).</param>
public sealed record HookResult(string Outcome, string? Tool, long InputBytes, long OutputBytes, byte[]? Stdout, WorkspacePaths Paths)
{
    public string? Detail { get; init; }
}
