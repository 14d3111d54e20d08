using DistributedModel.Providers.Pricing;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Settings of the dispatch tool, read from the <c>dispatch</c> section of <c>.claude/dm.json</c>
/// (see <see cref="DispatchOptionsLoader"/>); every property has a compiled-in default.
/// </summary>
public sealed class DispatchOptions
{
    /// <summary>Default reviewer model on the local Ollama lane (a non-OpenAI family, unlike the codex writer). Current as of 2026-11.</summary>
    public const string DefaultReviewerModel = "glm-4.7-flash";

    /// <summary>The codex executable: a path, or a command name looked up on PATH.</summary>
    public string CodexPath { get; set; } = "codex";

    /// <summary>Model passed to codex with <c>-m</c>; null lets codex use its own configuration.</summary>
    public string? CodexModel { get; set; }

    /// <summary>Extra <c>-c key=value</c> overrides for codex (TOML values), e.g. a model provider and its base_url.</summary>
    public IList<string> CodexConfig { get; set; } = [];

    /// <summary>CODEX_HOME for the codex process; null keeps the user's (<c>~/.codex</c>).</summary>
    public string? CodexHome { get; set; }

    /// <summary>Codex sandbox: <c>workspace-write</c> lets it edit the worktree and nothing else.</summary>
    public string Sandbox { get; set; } = "workspace-write";

    /// <summary>Hard limit for the whole codex run; the process tree is killed after it.</summary>
    public TimeSpan CodexTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often a "codex still working" progress notification is sent while codex is silent or busy.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for each reviewer; a reviewer over it is reported as timed out, the others still count.</summary>
    public TimeSpan ReviewTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reviewers used when the call names none: <c>[framing:]provider[/model]</c>.</summary>
    public IList<string> Reviewers { get; set; } =
        [$"correctness:ollama/{DefaultReviewerModel}", $"quality:ollama/{DefaultReviewerModel}"];

    /// <summary>The diff sent to each reviewer is cut to this many characters (about 17k tokens, so it fits a local model's
    /// 32k context with the prompt and the answer); the full diff stays in the artifacts.</summary>
    public int MaxReviewDiffChars { get; set; } = 60_000;

    /// <summary>Keep the worktree folder after a successful dispatch (the branch is always kept then).</summary>
    public bool KeepWorktree { get; set; }

    /// <summary>Target size of the text returned to the orchestrator.</summary>
    public int ResultBudgetBytes { get; set; } = 2048;

    /// <summary>Dispatches that run at once in the server (1–16); further ones queue.</summary>
    public int MaxConcurrent { get; set; } = 3;

    public const int MaxConcurrentLimit = 16;

    /// <summary>USD per 1M tokens for codex's own usage (input, cached input, output; cache writes at OpenAI's 1.25× input),
    /// from the user's dm.json <c>dispatch.codexPrices</c> (all zero there means plan-billed). Null by default: codex's model is
    /// priced from the provider library's dated price table, and a model missing there is booked <c>unpriced</c>, never $0.</summary>
    public ModelPrice? CodexPrices { get; set; }

    /// <summary>Repository values that were not applied (user-only keys, limits it may only lower), one sentence each
    /// naming the key and how to allow it; set by <see cref="DispatchOptionsLoader"/>.</summary>
    public IReadOnlyList<string> Warnings { get; set; } = [];

    /// <summary>USD per 1M tokens of the orchestrator model the ledger's baseline_usd compares against (Claude Opus list price).</summary>
    public ModelPrice BaselinePrices { get; set; } = new(5m, 0.5m, 25m, default);
}
