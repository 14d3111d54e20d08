using System.Globalization;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// How much text Claude Code lets a tool put into the context before it persists the output again and shows the model a
/// 2 KB preview: for Bash <c>BASH_MAX_OUTPUT_LENGTH</c> characters (default 30,000, at most 150,000; verified with
/// Claude Code 2.1.332 on a hook's <c>updatedToolOutput</c> too). Other tools are held to the Bash default. A result is
/// budgeted to the limit minus <see cref="Margin"/> so JSON framing and counting differences never tip it over.
/// </summary>
public static class ToolOutputLimits
{
    public const int DefaultBashChars = 30_000;
    public const int MaxBashChars = 150_000;
    public const int Margin = 2_000;

    /// <summary>What Claude Code shows of an output over its limit.</summary>
    public const int PreviewChars = DistributedModel.Core.Logging.NativeContext.PreviewChars;

    /// <summary>The tool's limit in characters.</summary>
    public static int LimitChars(string tool, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (tool == "Bash" && int.TryParse(environment("BASH_MAX_OUTPUT_LENGTH"), NumberStyles.None, CultureInfo.InvariantCulture, out int chars) && chars > 0)
            return Math.Min(chars, MaxBashChars);
        return DefaultBashChars;
    }

    /// <summary>The largest budget allowed for the tool: its limit minus the margin (at least 1 KB).</summary>
    public static int MaxBudget(string tool, Func<string, string?>? environment = null) => Math.Max(1024, LimitChars(tool, environment) - Margin);
}
