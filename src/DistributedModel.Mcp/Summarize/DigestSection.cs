namespace DistributedModel.Mcp.Summarize;

/// <summary>One input file after deterministic compression and line numbering.</summary>
internal sealed record DigestSection(string RelativePath, long Bytes, LogStats Stats, string AnnotatedText);
