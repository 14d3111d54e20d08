namespace DistributedModel.Mcp.Scaffold;

/// <summary>One file the model proposes to create.</summary>
internal sealed record ScaffoldFile(string Path, string Summary, string Content);
