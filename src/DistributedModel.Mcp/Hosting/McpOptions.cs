using DistributedModel.Providers;

namespace DistributedModel.Mcp.Hosting;

/// <summary>
/// Server limits, read from the <c>mcp</c> section of <c>.claude/dm.json</c> (defaults compiled in, see <see cref="McpOptionsLoader"/>).
/// </summary>
public sealed class McpOptions
{
    /// <summary>
    /// Every tool finishes or fails within this. Claude Code 2.1.197 waits <c>MCP_TOOL_TIMEOUT</c> (default 1e8 ms) per tool call,
    /// its connect/list default is 60 s; keep this well below whatever the user configured there.
    /// </summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(240);

    /// <summary>While a tool waits on a model, a progress notification is sent this often (keeps clients that reset timeouts on progress alive).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>summarize: characters of compressed input per model call; larger inputs are digested map-reduce style.</summary>
    public int SummarizeWindowChars { get; set; } = 200_000;

    /// <summary>summarize: budget the deterministic compression gets per file before the model sees it.</summary>
    public int SummarizeCompressBudgetBytes { get; set; } = 64 * 1024;

    /// <summary>summarize: the whole tool result (header + digest) stays within this.</summary>
    public int DigestMaxBytes { get; set; } = 6 * 1024;

    /// <summary>summarize: at most this many bytes are read from disk per call.</summary>
    public long MaxInputBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest single file any tool reads (consult/tribunal paths, scaffold examples, summarize); larger ones are refused by name.</summary>
    public int MaxFileBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Most files a path list or glob may resolve to.</summary>
    public int MaxFiles { get; set; } = 200;

    /// <summary>summarize: map calls in flight at once.</summary>
    public int MapConcurrency { get; set; } = 3;

    /// <summary>consult/tribunal/scaffold: bytes of referenced files put into the prompt (the rest is cut with a marker).</summary>
    public int ContextBudgetBytes { get; set; } = 120_000;

    /// <summary>scaffold: most files one call may write.</summary>
    public int ScaffoldMaxFiles { get; set; } = 40;

    /// <summary>scaffold: exact workspace-relative paths of control files (see <c>ControlFiles</c>) the user allows it to write.</summary>
    public IReadOnlyCollection<string> ScaffoldAllowPaths { get; set; } = [];

    /// <summary>tribunal: the three providers asked, independently and in parallel.</summary>
    public IReadOnlyList<string> TribunalProviders { get; set; } = [ProviderNames.OpenAI, ProviderNames.Gemini, ProviderNames.DeepSeek];

    /// <summary>Project values that were not applied, one sentence each naming the key and how to allow it (logged at start
    /// and shown by <c>dm doctor</c>); set by <see cref="McpOptionsLoader"/>.</summary>
    public IReadOnlyList<string> Warnings { get; set; } = [];

    /// <summary>Values that could not be used (malformed, out of range, unreadable file), each left at its default; the
    /// server repeats them in every tool answer until they are fixed.</summary>
    public IReadOnlyList<string> Problems { get; set; } = [];

    /// <summary>tribunal: once a majority has answered, the others get this much longer before they are cut off.</summary>
    public TimeSpan TribunalStragglerGrace { get; set; } = TimeSpan.FromSeconds(20);
}
