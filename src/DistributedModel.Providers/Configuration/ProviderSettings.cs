namespace DistributedModel.Providers.Configuration;

/// <summary>Resolved settings of one provider (defaults, then <c>.claude/dm.json</c> <c>providers.&lt;name&gt;</c>, then env).</summary>
internal sealed class ProviderSettings
{
    public required string Name { get; init; }

    /// <summary>Never logged, never serialised.</summary>
    public string? ApiKey { get; set; }

    /// <summary>What to set when the key is missing, e.g. "DEEPSEEK_API_KEY".</summary>
    public required string KeyVariable { get; init; }

    public bool RequiresKey { get; init; } = true;

    public required Uri BaseUrl { get; set; }

    /// <summary>The environment variable that sets <see cref="BaseUrl"/> (GEMINI_BASE_URL, …, OLLAMA_HOST).</summary>
    public string? BaseUrlVariable { get; init; }

    /// <summary>Where <see cref="BaseUrl"/> came from, for <c>dm doctor</c>: "default", "GEMINI_BASE_URL", "~/.claude/dm.json …".</summary>
    public string BaseUrlSource { get; set; } = "default";

    /// <summary>Set when the provider must not be called (a repository chose its base URL; see <see cref="BaseUrlPolicy"/>).</summary>
    public string? BlockedReason { get; set; }

    public required string DefaultModel { get; set; }

    /// <summary>Retries after the first attempt (0 = no retry).</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A server retry hint (Retry-After or Gemini retryDelay) longer than this is not waited for: fall back instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 6;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Ollama only: <c>options.num_ctx</c> (Ollama silently truncates prompts beyond its context).</summary>
    public int NumCtx { get; set; } = 32768;

    public bool HasKey => !RequiresKey || !string.IsNullOrWhiteSpace(ApiKey);

    public string MissingKeyReason => $"{KeyVariable} is not set";
}
