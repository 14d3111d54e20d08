namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>Token usage codex reports on <c>turn.completed</c> (summed over every model request of the turn).</summary>
public sealed record CodexUsage(long Input, long CachedInput, long Output, long Reasoning)
{
    public static readonly CodexUsage Zero = new(0, 0, 0, 0);

    public CodexUsage Add(CodexUsage other) =>
        new(Input + other.Input, CachedInput + other.CachedInput, Output + other.Output, Reasoning + other.Reasoning);
}
