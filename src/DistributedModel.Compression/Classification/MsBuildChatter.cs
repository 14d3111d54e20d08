namespace DistributedModel.Compression;

/// <summary>
/// MSBuild's start-up, evaluation and reference-resolution chatter at detailed verbosity (<c>dotnet build -v:d</c>):
/// <c>Process = …</c>, <c>Command line arguments = …</c>, <c>Assembly loaded during Evaluation: …</c>, <c>Property
/// reassignment: …</c>, an SDK resolver's <c>Errors: MSB4276: …</c> before another resolver succeeds, <c>Encountered
/// conflict between …</c>, and the like. No one reads these for a failure: they rank below every other line, count as no
/// error or warning, and their failure words (<c>Errors:</c>, <c>conflict</c>, <c>Could not determine</c>) make no
/// failure kind. Only indented lines (MSBuild indents them, after an optional <c>1:7&gt;</c> node prefix) qualify, so a
/// program that prints <c>Process = …</c> at the start of a line is not taken for MSBuild.
/// </summary>
internal static class MsBuildChatter
{
    private static readonly string[] Prefixes =
    [
        "Assembly loaded during ", "Process = \"", "MSBuild executable path = \"", "Command line arguments = \"", "Current directory = \"",
        "MSBuild version = \"", "Enabled loggers: ", "Terminal Logger was not used", "Property reassignment: $(", "The SDK \"",
        "Warnings: null", "Errors: MSB4276: ", "Encountered conflict between '", "Failed to load prune package data",
        "Ignoring framework reference to ", "This reference is not \"CopyLocal\"", "The ImageRuntimeVersion for this reference",
        "Resolved file path is \"", "Reference found at search path location", "Initializing task factory \"",
    ];

    public static bool Is(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !(line[0] is ' ' or '\t' || char.IsAsciiDigit(line[0]))) return false;
        var s = WithoutNodePrefix(line.TrimStart());
        if (s.Length == line.Length) return false; // neither indented nor after a node prefix
        foreach (var p in Prefixes)
            if (s.StartsWith(p, StringComparison.Ordinal)) return true;
        // "The "DefaultSdkResolver" resolver attempted to resolve the SDK …", "The "X" property is a global property, and cannot be modified."
        if (s.StartsWith("The \"", StringComparison.Ordinal))
            return s.Contains("\" resolver attempted to resolve the SDK", StringComparison.Ordinal) || s.EndsWith("\" property is a global property, and cannot be modified.", StringComparison.Ordinal);
        // An evaluation message: "/usr/share/dotnet/sdk/10.0.401/Current/Microsoft.Common.props(60,5): message : Property reassignment: …"
        int message = s.IndexOf("): message : ", StringComparison.Ordinal);
        return message > 0 && s[..message].Contains('(');
    }

    /// <summary><c>1:7&gt;text</c> or <c>0&gt;text</c> → <c>text</c>.</summary>
    private static ReadOnlySpan<char> WithoutNodePrefix(ReadOnlySpan<char> s)
    {
        int k = 0;
        while (k < s.Length && (char.IsAsciiDigit(s[k]) || s[k] == ':' && k > 0)) k++;
        return k > 0 && k < s.Length && s[k] == '>' && k <= 12 ? s[(k + 1)..] : s;
    }
}
