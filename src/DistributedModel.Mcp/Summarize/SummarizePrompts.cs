namespace DistributedModel.Mcp.Summarize;

/// <summary>Prompts of the summarize lane.</summary>
internal static class SummarizePrompts
{
    public static string System(int maxChars, string? question) =>
        "You digest logs and tool output for an engineering lead who will not read the original. Plain text, at most " +
        maxChars + " characters. Keep: file paths, line numbers (cite the L<n> prefixes as path:L<n>), every distinct error and " +
        "warning message verbatim (deduplicated, with counts), the first failure and its likely cause, the final status/result. " +
        "Drop progress noise. Lines like '[… N lines elided …]' mark parts removed before you saw the text. Never invent content." +
        (string.IsNullOrWhiteSpace(question) ? "" : " Focus the digest on this question, and answer it first: " + question.Trim());

    public static string Single(string input) => input;

    public static string Map(DigestChunk chunk, int total, string input) =>
        $"Part {chunk.Number} of {total} of a larger input ({chunk.Span}). Digest only this part.\n\n{input}";

    public static string Reduce(IEnumerable<string> partials) =>
        "Merge these digests of consecutive parts of one input into a single digest; merge duplicate messages and add up counts.\n\n" +
        string.Join("\n\n", partials);
}
