namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>One codex run: the prompt, the folder it may write in, and where its raw event stream and stderr go.</summary>
public sealed record CodexRunRequest(string WorkingDirectory, string Prompt, string EventLogPath, string StdErrLogPath);
