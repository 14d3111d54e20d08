using System.Collections.Frozen;

namespace DistributedModel.Core.Configuration;

/// <summary>
/// The one table of who may set which configuration key (issue 26: a cloned repository is untrusted input). Every loader
/// asks it before applying a repository value (<see cref="RepoMayApply"/>); a key not declared here is treated as user-only,
/// so a key a loader learns is safe until it is declared. <c>docs/security.md</c> lists the same table.
/// </summary>
public static class ConfigKeys
{
    public sealed record Rule(ConfigKeyScope Scope, string Why);

    private static readonly FrozenDictionary<string, Rule> Rules = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["dispatch.codexPath"] = new(ConfigKeyScope.UserOnly, "it names the program run with your provider keys in its environment"),
        ["dispatch.codexHome"] = new(ConfigKeyScope.UserOnly, "codex reads its configuration, credentials and MCP servers from there"),
        ["dispatch.codexConfig"] = new(ConfigKeyScope.UserOnly, "codex -c overrides can change its provider base_url, shell and sandbox"),
        ["dispatch.sandbox"] = new(ConfigKeyScope.RepoMayTighten, "a looser sandbox lets codex write outside its worktree"),
        ["dispatch.codexPrices"] = new(ConfigKeyScope.UserOnly, "prices are what you pay; a repository could book its runs at $0"),
        ["dispatch.baselinePrices"] = new(ConfigKeyScope.UserOnly, "the baseline is your orchestrator's price; a repository could inflate the savings"),
        ["dispatch.timeoutSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer codex run costs more"),
        ["dispatch.reviewTimeoutSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer review costs more"),
        ["dispatch.maxReviewDiffChars"] = new(ConfigKeyScope.RepoMayTighten, "a longer diff sends more tokens to each reviewer"),
        ["dispatch.resultBudgetBytes"] = new(ConfigKeyScope.RepoMayTighten, "a longer result spends more of the orchestrator's context"),
        ["dispatch.maxConcurrent"] = new(ConfigKeyScope.RepoMayTighten, "more codex runs at once cost more at once"),
        ["dispatch.codexModel"] = new(ConfigKeyScope.RepoMaySet, "a model id"),
        ["dispatch.reviewers"] = new(ConfigKeyScope.RepoMaySet, "the orchestrator may name reviewers per call too"),
        ["dispatch.heartbeatSeconds"] = new(ConfigKeyScope.RepoMaySet, "how often progress is reported"),
        ["dispatch.keepWorktree"] = new(ConfigKeyScope.RepoMaySet, "keeps the worktree folder inside the project"),

        ["mcp.toolTimeoutSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer tool call can spend more"),
        ["mcp.progressIntervalSeconds"] = new(ConfigKeyScope.RepoMaySet, "how often progress is reported"),
        ["mcp.maxFiles"] = new(ConfigKeyScope.RepoMayTighten, "more files read means more tokens sent"),
        ["mcp.maxFileBytes"] = new(ConfigKeyScope.RepoMayTighten, "larger files cost memory and tokens"),
        ["mcp.contextBudgetBytes"] = new(ConfigKeyScope.RepoMayTighten, "more context sent to the consultant costs more"),
        ["mcp.summarize.windowChars"] = new(ConfigKeyScope.UserOnly, "the window sets how many provider calls one summarize makes on your key"),
        ["mcp.summarize.compressBudgetBytes"] = new(ConfigKeyScope.RepoMayTighten, "a larger budget sends more tokens"),
        ["mcp.summarize.digestMaxBytes"] = new(ConfigKeyScope.RepoMayTighten, "a larger digest spends more of the orchestrator's context"),
        ["mcp.summarize.maxInputBytes"] = new(ConfigKeyScope.RepoMayTighten, "more input read means more tokens sent"),
        ["mcp.summarize.mapConcurrency"] = new(ConfigKeyScope.RepoMayTighten, "more calls at once spend faster"),
        ["mcp.scaffold.maxFiles"] = new(ConfigKeyScope.RepoMayTighten, "more files written per call"),
        ["mcp.scaffold.allowPaths"] = new(ConfigKeyScope.UserOnly, "it lifts the denial of control files such as .git/config, whose core.fsmonitor git runs"),
        ["mcp.tribunal.providers"] = new(ConfigKeyScope.RepoMaySet, "which of your configured providers vote"),
        ["compression.budgetBytes"] = new(ConfigKeyScope.RepoMayTighten, "a larger digest spends more of your context on every tool call"),
        ["compression.tools.*"] = new(ConfigKeyScope.RepoMayTighten, "a larger digest spends more of your context on every call of that tool"),
        ["prices"] = new(ConfigKeyScope.UserOnly, "prices are what you pay; a project could book its calls at $0 or inflate the savings"),
        ["lanes.*.attemptTimeoutSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer attempt can cost more"),
        ["lanes.*.totalTimeoutSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer call can cost more"),
        ["lanes.*.maxOutputTokens"] = new(ConfigKeyScope.RepoMayTighten, "more output tokens cost more"),
        ["lanes.*.truncationRetryMaxOutputTokens"] = new(ConfigKeyScope.RepoMayTighten, "a larger retry costs more"),
        ["lanes.*.dailyBudgetUsd"] = new(ConfigKeyScope.RepoMayTighten, "the daily cap protects your spend"),
        ["providers.*.maxRetries"] = new(ConfigKeyScope.RepoMayTighten, "every retry is billed"),
        ["providers.*.maxRetryAfterSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer wait holds the call"),
        ["mcp.tribunal.stragglerGraceSeconds"] = new(ConfigKeyScope.RepoMayTighten, "a longer wait for slow providers"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every declared key, e.g. <c>dispatch.codexPath</c>.</summary>
    public static IEnumerable<string> Declared => Rules.Keys;

    /// <summary>The rule of <paramref name="key"/> (<c>section.name</c>), or null when the key is not declared.</summary>
    public static Rule? Of(string key) => Rules.GetValueOrDefault(key);

    /// <summary>Whether a project's value of <paramref name="key"/> applies, as its rule says: always (repo may set), only
    /// when <paramref name="tighter"/> (repo may tighten), never (user-only, and every undeclared key).</summary>
    public static bool RepoMayApply(string key, bool tighter) => (Of(key)?.Scope ?? ConfigKeyScope.UserOnly) switch
    {
        ConfigKeyScope.RepoMaySet => true,
        ConfigKeyScope.RepoMayTighten => tighter,
        _ => false,
    };

    /// <summary>The warning for a repository value that is not applied, naming the key and how to allow it.</summary>
    public static string Ignored(string key, string repoFile, string userFile) => Ignored(key, key, repoFile, userFile);

    /// <summary>As <see cref="Ignored(string, string, string)"/> for a declared pattern (<c>lanes.*.maxOutputTokens</c>)
    /// and the concrete key shown (<c>lanes.consult.maxOutputTokens</c>).</summary>
    public static string Ignored(string declaredKey, string key, string repoFile, string userFile)
    {
        var rule = Of(declaredKey) ?? throw new ArgumentException($"{declaredKey} is not a declared configuration key", nameof(declaredKey));
        return rule.Scope == ConfigKeyScope.RepoMayTighten
            ? $"{repoFile}: {key} ignored: a repository may only lower or tighten it ({rule.Why}); set it in {userFile} to allow it"
            : $"{repoFile}: {key} ignored: only you may set it ({rule.Why}); set it in {userFile} if you trust this value";
    }
}
