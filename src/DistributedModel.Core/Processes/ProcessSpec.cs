using System.Text;

namespace DistributedModel.Core.Processes;

/// <summary>
/// What to run and under which limits (see <see cref="ProcessRunner"/>). Arguments are passed as a list (never through
/// a shell); stdin is closed at once unless <see cref="Stdin"/> is given, so a child never reads the caller's stdin
/// (the MCP server's stdin is its protocol stream).
/// </summary>
public sealed record ProcessSpec(string FileName)
{
    /// <summary>Default cap on the characters kept of each of stdout and stderr: what is kept is the end of the stream.</summary>
    public const int DefaultOutputLimitChars = 64 * 1024 * 1024;

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The working directory; null: the caller's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment changes over the inherited environment: a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Bytes written to stdin, which is then closed; null: stdin is closed at once.</summary>
    public ReadOnlyMemory<byte>? Stdin { get; init; }

    /// <summary>Hard time limit from start to exit; the whole process tree is killed when it passes. <see cref="Timeout.InfiniteTimeSpan"/>: none.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Characters of stdout kept (the last ones); 0 keeps none (lines still reach <see cref="OnStdoutLine"/>).</summary>
    public int StdoutLimitChars { get; init; } = DefaultOutputLimitChars;

    /// <summary>Characters of stderr kept (the last ones); 0 keeps none.</summary>
    public int StderrLimitChars { get; init; } = DefaultOutputLimitChars;

    /// <summary>
    /// The child, and everything in its process group, dies when this process dies, even by SIGKILL. On Unix the child
    /// runs in its own session under a watchdog <c>/bin/sh</c> that holds the read end of a pipe from this process (its
    /// stdin); the kernel closes the write end when this process dies, for whatever reason, and the watchdog then kills
    /// the child's group (see <see cref="ProcessRunner"/>). The child's own stdin is <c>/dev/null</c>, so
    /// <see cref="Stdin"/> must be null. Not applied on Windows.
    /// </summary>
    public bool DiesWithCaller { get; init; }

    /// <summary>Called with each stdout line (no line ending) as it arrives; an observer that throws is ignored.</summary>
    public Action<string>? OnStdoutLine { get; init; }

    /// <summary>Called with each stderr line as it arrives; an observer that throws is ignored.</summary>
    public Action<string>? OnStderrLine { get; init; }

    /// <summary>This spec with <paramref name="text"/> as UTF-8 stdin.</summary>
    public ProcessSpec WithStdin(string text) => this with { Stdin = new UTF8Encoding(false).GetBytes(text) };
}
