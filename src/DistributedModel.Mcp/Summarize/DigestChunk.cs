namespace DistributedModel.Mcp.Summarize;

/// <summary>A window-sized piece of the compressed input; <see cref="Span"/> names files and line ranges it covers.</summary>
internal sealed record DigestChunk(int Number, string Text, string Span);
