namespace DistributedModel.Mcp.Files;

/// <summary>A file inside the workspace: where it is on disk and how to name it to the model (workspace-relative, '/' separated).</summary>
internal sealed record WorkspaceFile(string FullPath, string RelativePath);
