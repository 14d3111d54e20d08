using System.Globalization;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Hosting;

/// <summary>
/// Fixed bounds on what a tool call may hand the server and what a model may hand back (file limits are options, see
/// <see cref="McpOptions"/>). Anything over is refused with an error naming the limit; nothing is written. docs/security.md
/// lists them.
/// </summary>
public static class InputLimits
{
    /// <summary>consult/tribunal <c>question</c>, summarize <c>question</c>: characters.</summary>
    public const int MaxQuestionChars = 20_000;

    /// <summary>consult/tribunal <c>proposal</c>: characters.</summary>
    public const int MaxProposalChars = 40_000;

    /// <summary>scaffold <c>spec</c>: characters.</summary>
    public const int MaxSpecChars = 40_000;

    /// <summary>Entries in <c>paths</c>/<c>examples</c>.</summary>
    public const int MaxPathArguments = 100;

    /// <summary>Characters of one path or glob.</summary>
    public const int MaxPathChars = 4_096;

    /// <summary>A scaffold answer (the whole JSON file list): characters.</summary>
    public const int MaxScaffoldAnswerChars = 2_000_000;

    /// <summary>One scaffolded file: UTF-8 bytes.</summary>
    public const int MaxScaffoldFileBytes = 1024 * 1024;

    /// <summary>A consult/tribunal answer from one provider: characters.</summary>
    public const int MaxOpinionChars = 64_000;

    /// <summary>A decision record (audits/*.md): UTF-8 bytes; the body is cut with a marker beyond it.</summary>
    public const int MaxDecisionRecordBytes = 512 * 1024;

    /// <summary>A kept malformed answer (.claude/dm/raw/): characters; the rest is cut with a marker.</summary>
    public const int MaxSavedAnswerChars = 256 * 1024;

    /// <summary>Throws when <paramref name="value"/> is longer than <paramref name="max"/> characters.</summary>
    public static void Check(string argument, string? value, int max)
    {
        if (value is not null && value.Length > max)
            throw new McpException(string.Create(CultureInfo.InvariantCulture,
                $"{argument} is {value.Length:N0} characters, over the {max:N0}-character limit; put long material in a file and pass its path"));
    }

    /// <summary>Throws when there are too many paths or one is too long.</summary>
    public static void CheckPaths(string argument, IReadOnlyList<string>? paths)
    {
        if (paths is null) return;
        if (paths.Count > MaxPathArguments)
            throw new McpException(string.Create(CultureInfo.InvariantCulture,
                $"{argument} has {paths.Count:N0} entries, over the limit of {MaxPathArguments}; use globs"));
        foreach (var p in paths) Check(argument + " entry", p, MaxPathChars);
    }

    /// <summary>summarize: at most this many map calls per tool call, whoever set the window (a 120-char window once made
    /// one summarize of a 350 KB log issue 5,104 calls on the user's key). The defaults need at most 64 (200 files × 64 KB
    /// of compressed text over a 200,000-char window).</summary>
    public const int MaxSummarizeParts = 100;
}
