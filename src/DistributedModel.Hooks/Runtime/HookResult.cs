using DistributedModel.Core.Workspace;

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

    /// <summary>PostToolUse only: what the text that goes on to the model holds (null for other events).</summary>
    public HookDiagnostics? Diagnostics { get; init; }
}

/// <summary>What a PostToolUse result kept, for hooks.log and <c>dm report</c>.</summary>
/// <param name="Errors">Error lines in the text that goes on to the model.</param>
/// <param name="Warnings">Warning lines in it.</param>
/// <param name="Surfaced">Of those, the ones Claude Code's own 2 KB preview would have hidden (0 when the raw output fit its limit).</param>
/// <param name="LimitChars">The tool's output limit in Claude Code (Bash: <c>BASH_MAX_OUTPUT_LENGTH</c>).</param>
public sealed record HookDiagnostics(int Errors, int Warnings, int Surfaced, int LimitChars)
{
    /// <summary>True when the text that goes on is over <see cref="LimitChars"/> (Claude Code would cut it again).</summary>
    public bool OverLimit { get; init; }

    /// <summary>Of <see cref="Surfaced"/>, the error lines.</summary>
    public int SurfacedErrors { get; init; }

    /// <summary>Of <see cref="Surfaced"/>, the warning lines.</summary>
    public int SurfacedWarnings { get; init; }
}
