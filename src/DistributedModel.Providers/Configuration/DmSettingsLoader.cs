using System.Globalization;
using System.Text.Json;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Workspace;
using DistributedModel.Providers.Pricing;
using DistributedModel.Providers.Reasoning;
using DistributedModel.Providers.Security;
using Microsoft.Extensions.Configuration;

namespace DistributedModel.Providers.Configuration;

/// <summary>
/// Builds <see cref="DmProviderSettings"/> from compiled-in defaults, <c>.claude/dm.json</c> (sections <c>providers</c>,
/// <c>lanes</c>, <c>prices</c>, <c>budgets</c>) and environment variables (or the same names in <see cref="IConfiguration"/>,
/// which win; an empty value there means "not set"). Every problem is collected and reported at once.
/// </summary>
internal static class DmSettingsLoader
{
    /// <summary>Strict: throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static DmProviderSettings Load(WorkspacePaths paths, IConfiguration? config)
    {
        var settings = LoadWithProblems(paths, config);
        if (settings.Problems.Count > 0)
            throw new InvalidOperationException(
                $"Distributed Model provider configuration is invalid ({paths.ConfigFile}):" + Environment.NewLine + "  - " +
                string.Join(Environment.NewLine + "  - ", settings.Problems));
        return settings;
    }

    /// <summary>
    /// Never throws: every value with a problem is left at its default (a bad base URL keeps the vendor's, a key with a
    /// line break is not used, a lane whose chain names no known provider keeps its default chain) and the problems are in
    /// <see cref="DmProviderSettings.Problems"/>, so a server starts with the valid rest and says what is wrong.
    /// </summary>
    public static DmProviderSettings LoadWithProblems(WorkspacePaths paths, IConfiguration? config)
    {
        var errors = new List<string>();
        var ignored = new List<string>();
        var providers = ProviderDefaults.Providers();
        var lanes = ProviderDefaults.Lanes();
        var prices = new PriceTable(DefaultPrices.All());
        var settings = new DmProviderSettings { Providers = providers, Lanes = lanes, Prices = prices, Baseline = ProviderDefaults.Baseline };

        var userFile = UserConfigFile(config);
        var allowed = ApplyUserFile(userFile, settings, errors);
        var repoUrls = new Dictionary<string, (Uri Url, string Path)>(StringComparer.Ordinal);

        var file = paths.ConfigFile;
        // A repository at ~ has the user's own file as its dm.json: ApplyUserFile has applied it already, as the user's.
        if (!DistributedModel.Core.Configuration.UserConfigFile.IsSameFile(file, userFile))
        {
            try
            {
                var bytes = ConfigFileText.ReadBytes(file) ?? "{}"u8.ToArray();
                using var doc = JsonDocument.Parse(bytes,
                    new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    errors.Add("the file must contain a JSON object");
                else
                {
                    // A project's file may lower limits and budgets, never raise them, and may not set prices (issue 26).
                    var limits = RepoLimits.Capture(settings);
                    ApplyFile(doc.RootElement, settings, errors, repoUrls, trusted: false, ignored, userFile);
                    limits.Restrict(settings, ignored, userFile);
                }
            }
            catch (JsonException ex)
            {
                errors.Add($"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): fix the syntax or delete the file to use the defaults");
            }
            catch (IOException ex)
            {
                errors.Add($"cannot be read: {ex.Message}");
            }
        }

        foreach (var (name, (url, at)) in repoUrls)
        {
            var p = settings.Providers[name];
            if (BaseUrlPolicy.IsAllowed(url, allowed))
                SetUrl(p, url, $"{at} in {file} (host allowed in {userFile})", errors);
            else
                p.BlockedReason = BaseUrlPolicy.RepoRefusal(p, url, file, userFile);
        }

        ApplyEnvironment(settings, config, errors);
        settings.Problems = errors;
        settings.Ignored = ignored;
        return settings;
    }

    /// <summary><c>$HOME/.claude/dm.json</c> (HOME from the configuration first, so tests and doctor can point it elsewhere).</summary>
    internal static string UserConfigFile(IConfiguration? config) => DistributedModel.Core.Configuration.UserConfigFile.Path(Value(config, "HOME"));

    /// <summary>
    /// The user's own <c>~/.claude/dm.json</c>: <c>providers.&lt;name&gt;.baseUrl</c> (trusted: the user chose it) and
    /// <c>allowedBaseUrlHosts</c>, the hosts a repository's configuration may point a provider at. Nothing else is read here.
    /// </summary>
    private static HashSet<string> ApplyUserFile(string userFile, DmProviderSettings s, List<string> errors)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (ConfigFileText.ReadBytes(userFile) is not { } bytes) return allowed;
            using var doc = JsonDocument.Parse(bytes,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return allowed;
            if (root.TryGetProperty(BaseUrlPolicy.AllowListKey, out var list))
            {
                if (list.ValueKind != JsonValueKind.Array) errors.Add($"{BaseUrlPolicy.AllowListKey} in {userFile}: expected an array of host names, e.g. [\"gateway.example.com\"]");
                else
                    foreach (var h in list.EnumerateArray())
                        if (h.ValueKind == JsonValueKind.String && h.GetString() is { Length: > 0 and < 256 } host && !host.Contains('/', StringComparison.Ordinal))
                            allowed.Add(host.Trim().ToLowerInvariant());
                        else errors.Add($"{BaseUrlPolicy.AllowListKey} in {userFile}: {h} is not a host name (write \"host\" or \"host:port\", no scheme)");
            }
            if (root.TryGetProperty("providers", out var providers) && providers.ValueKind == JsonValueKind.Object)
                foreach (var (name, p) in s.Providers)
                    if (providers.TryGetProperty(name, out var entry) && entry.ValueKind == JsonValueKind.Object
                        && entry.TryGetProperty("baseUrl", out var url) && Str(url, $"providers.{name}.baseUrl", errors) is { } text)
                        SetUrl(p, text, $"providers.{name}.baseUrl in {userFile}", errors);
            // Everything else of the user's file (lanes, prices, budgets, provider limits) applies as the user wrote it.
            ApplyFile(root, s, errors, new Dictionary<string, (Uri, string)>(StringComparer.Ordinal), trusted: true, ignored: null, userFile);
        }
        catch (JsonException ex)
        {
            errors.Add($"{userFile} is not valid JSON (line {ex.LineNumber + 1}): fix it or delete it");
        }
        catch (IOException ex)
        {
            errors.Add($"{userFile} cannot be read: {ex.Message}");
        }
        return allowed;
    }

    private static string? Value(IConfiguration? config, string name)
    {
        var fromConfig = config?[name];
        if (fromConfig is not null) return string.IsNullOrWhiteSpace(fromConfig) ? null : fromConfig.Trim();
        var env = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(env) ? null : env.Trim();
    }

    /// <summary>
    /// A key is sent as a header value: a CR, LF or other control character in it could add headers to the request
    /// (header injection), so such a key is refused, by name only (its value is never printed).
    /// </summary>
    private static string? Key(IConfiguration? config, string name, List<string> errors)
    {
        var key = Value(config, name);
        if (key is not null && key.Any(char.IsControl))
        {
            errors.Add($"{name} contains a line break or another control character; a key is sent as an HTTP header value, so it is refused (set it again without them)");
            return null;
        }
        return key;
    }

    private static void ApplyEnvironment(DmProviderSettings s, IConfiguration? config, List<string> errors)
    {
        s.Providers[ProviderNames.Gemini].ApiKey = Key(config, "GEMINI_API_KEY", errors) ?? Key(config, "GOOGLE_API_KEY", errors);
        s.Providers[ProviderNames.DeepSeek].ApiKey = Key(config, "DEEPSEEK_API_KEY", errors);
        s.Providers[ProviderNames.OpenAI].ApiKey = Key(config, "OPENAI_API_KEY", errors);

        foreach (var p in s.Providers.Values)
        {
            if (p.BaseUrlVariable is not { } variable || Value(config, variable) is not { } value) continue;
            SetUrl(p, p.Name == ProviderNames.Ollama ? NormaliseOllamaHost(value) : value, variable, errors);
            p.BlockedReason = null; // the user's own choice replaces whatever the repository asked for
        }
    }

    /// <summary>OLLAMA_HOST may be "host", "host:port" or a URL; "0.0.0.0" (a bind address) means this machine.</summary>
    internal static string NormaliseOllamaHost(string value)
    {
        var v = value.Trim();
        var hadScheme = v.Contains("://", StringComparison.Ordinal);
        if (!hadScheme) v = "http://" + v;
        if (!Uri.TryCreate(v, UriKind.Absolute, out var uri)) return v;
        var b = new UriBuilder(uri);
        if (b.Host == "0.0.0.0") b.Host = "127.0.0.1";
        if (!hadScheme && uri.IsDefaultPort) b.Port = 11434;
        return b.Uri.ToString();
    }

    private static void SetUrl(ProviderSettings p, string? value, string source, List<string> errors)
    {
        if (value is null) return;
        if (ParseUrl(value) is { } uri) SetUrl(p, uri, source, errors);
        else errors.Add($"{source} '{Redactor.RedactUrlText(value)}' is not an http(s) URL (example: https://api.example.com)");
    }

    private static void SetUrl(ProviderSettings p, Uri uri, string source, List<string> errors)
    {
        if (BaseUrlPolicy.TransportProblem(p, uri, source) is { } problem)
        {
            errors.Add(problem);
            return;
        }
        p.BaseUrl = uri;
        p.BaseUrlSource = source;
    }

    private static Uri? ParseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static void ApplyFile(JsonElement root, DmProviderSettings s, List<string> errors, Dictionary<string, (Uri, string)> repoUrls,
        bool trusted, List<string>? ignored, string userFile)
    {
        if (root.TryGetProperty("providers", out var providers)) ApplyProviders(providers, s, errors, repoUrls);
        if (root.TryGetProperty("lanes", out var lanes)) ApplyLanes(lanes, s, errors);
        if (root.TryGetProperty("prices", out var prices))
        {
            if (trusted) ApplyPrices(prices, s, errors);
            else ignored?.Add(ConfigKeys.Ignored("prices", ".claude/dm.json", userFile));
        }
        if (root.TryGetProperty("budgets", out var budgets)) ApplyBudgets(budgets, s, errors);
    }

    private static void ApplyProviders(JsonElement section, DmProviderSettings s, List<string> errors, Dictionary<string, (Uri, string)> repoUrls)
    {
        if (!IsObject(section, "providers", errors)) return;
        foreach (var prop in section.EnumerateObject())
        {
            var at = $"providers.{prop.Name}";
            if (!s.Providers.TryGetValue(prop.Name, out var p))
            {
                errors.Add($"{at}: unknown provider; use one of {string.Join(", ", ProviderNames.All)}");
                continue;
            }
            if (!IsObject(prop.Value, at, errors)) continue;
            foreach (var f in prop.Value.EnumerateObject())
            {
                var path = $"{at}.{f.Name}";
                switch (f.Name)
                {
                    case "baseUrl":
                        // Not applied here: a repository's base URL is used only for a host the user allowed (see Load).
                        if (Str(f.Value, path, errors) is { } url)
                        {
                            if (ParseUrl(url) is { } uri) repoUrls[p.Name] = (uri, path);
                            else errors.Add($"{path} '{Redactor.RedactUrlText(url)}' is not an http(s) URL (example: https://api.example.com)");
                        }
                        break;
                    case "model": if (Str(f.Value, path, errors) is { } m) p.DefaultModel = m; break;
                    case "maxRetries": if (Num(f.Value, path, errors, 0, 10) is { } r) p.MaxRetries = (int)r; break;
                    case "retryBaseDelayMs": if (Num(f.Value, path, errors, 1, 60_000) is { } d) p.RetryBaseDelay = TimeSpan.FromMilliseconds(d); break;
                    case "maxRetryAfterSeconds": if (Num(f.Value, path, errors, 0, 3600) is { } ra) p.MaxRetryAfter = TimeSpan.FromSeconds(ra); break;
                    case "numCtx": if (Num(f.Value, path, errors, 512, 10_000_000) is { } n) p.NumCtx = (int)n; break;
                    case "circuitBreaker": ApplyBreaker(f.Value, p, path, errors); break;
                    default: break; // unknown keys are ignored (other tools may add some)
                }
            }
        }
    }

    private static void ApplyBreaker(JsonElement e, ProviderSettings p, string at, List<string> errors)
    {
        if (!IsObject(e, at, errors)) return;
        foreach (var f in e.EnumerateObject())
        {
            var path = $"{at}.{f.Name}";
            switch (f.Name)
            {
                case "failureRatio": if (Num(f.Value, path, errors, 0.01, 1) is { } r) p.BreakerFailureRatio = r; break;
                case "minimumThroughput": if (Num(f.Value, path, errors, 2, 10_000) is { } t) p.BreakerMinimumThroughput = (int)t; break;
                case "samplingSeconds": if (Num(f.Value, path, errors, 0.5, 86_400) is { } sd) p.BreakerSamplingDuration = TimeSpan.FromSeconds(sd); break;
                case "breakSeconds": if (Num(f.Value, path, errors, 0.5, 86_400) is { } bd) p.BreakerBreakDuration = TimeSpan.FromSeconds(bd); break;
                default: break;
            }
        }
    }

    private static void ApplyLanes(JsonElement section, DmProviderSettings s, List<string> errors)
    {
        if (!IsObject(section, "lanes", errors)) return;
        foreach (var prop in section.EnumerateObject())
        {
            var at = $"lanes.{prop.Name}";
            if (!s.Lanes.TryGetValue(prop.Name, out var lane))
                s.Lanes[prop.Name] = lane = ProviderDefaults.OtherLane(prop.Name);
            if (prop.Value.ValueKind == JsonValueKind.Array)
            {
                if (Chain(prop.Value, at, errors) is { } c) lane.Chain = c;
                continue;
            }
            if (!IsObject(prop.Value, at, errors)) continue;
            foreach (var f in prop.Value.EnumerateObject())
            {
                var path = $"{at}.{f.Name}";
                switch (f.Name)
                {
                    case "chain": if (Chain(f.Value, path, errors) is { } c) lane.Chain = c; break;
                    case "attemptTimeoutSeconds": if (Num(f.Value, path, errors, 0.05, 3600) is { } a) lane.AttemptTimeout = TimeSpan.FromSeconds(a); break;
                    case "totalTimeoutSeconds": if (Num(f.Value, path, errors, 0.05, 86_400) is { } t) lane.TotalTimeout = TimeSpan.FromSeconds(t); break;
                    case "maxOutputTokens": if (Num(f.Value, path, errors, 16, 1_000_000) is { } m) lane.MaxOutputTokens = (int)m; break;
                    case "reasoningEffort":
                        if (Str(f.Value, path, errors) is { } effort)
                        {
                            if (EffortTable.IsKnown(effort)) lane.ReasoningEffort = effort;
                            else errors.Add($"{path}: '{effort}' is not an effort; use one of {string.Join(", ", EffortTable.Names)}");
                        }
                        break;
                    case "truncationRetryMaxOutputTokens":
                        if (Num(f.Value, path, errors, 0, 1_000_000) is { } tr) lane.TruncationRetryMaxOutputTokens = (int)tr;
                        break;
                    case "dailyBudgetUsd": if (Num(f.Value, path, errors, 0, 1_000_000) is { } b) lane.DailyBudgetUsd = (decimal)b; break;
                    case "models":
                        if (!IsObject(f.Value, path, errors)) break;
                        foreach (var entry in f.Value.EnumerateObject())
                        {
                            if (!ProviderNames.IsKnown(entry.Name)) errors.Add($"{path}.{entry.Name}: unknown provider; use one of {string.Join(", ", ProviderNames.All)}");
                            else if (Str(entry.Value, $"{path}.{entry.Name}", errors) is { } id) lane.Models[entry.Name] = id;
                        }
                        break;
                    default: break;
                }
            }
            if (lane.TotalTimeout < lane.AttemptTimeout)
                errors.Add($"{at}: totalTimeoutSeconds ({lane.TotalTimeout.TotalSeconds}) must be at least attemptTimeoutSeconds ({lane.AttemptTimeout.TotalSeconds})");
        }
    }

    private static string[]? Chain(JsonElement e, string at, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Array) { errors.Add($"{at}: expected an array of provider names, e.g. [\"gemini\", \"ollama\"]"); return null; }
        var chain = new List<string>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!ProviderNames.IsKnown(name)) errors.Add($"{at}[{i}]: '{item}' is not a provider; use one of {string.Join(", ", ProviderNames.All)}");
            else if (!chain.Contains(name!)) chain.Add(name!);
            i++;
        }
        if (chain.Count == 0)
        {
            if (i == 0) errors.Add($"{at}: the chain is empty; name at least one provider");
            return null; // the lane keeps its default chain
        }
        return [.. chain];
    }

    private static void ApplyPrices(JsonElement section, DmProviderSettings s, List<string> errors)
    {
        if (!IsObject(section, "prices", errors)) return;
        foreach (var prop in section.EnumerateObject())
        {
            var at = $"prices.{prop.Name}";
            if (prop.Name == "deepseekPeakMultiplier")
            {
                if (Num(prop.Value, at, errors, 1, 10) is { } m) s.Prices.DeepSeekPeakMultiplier = (decimal)m;
                continue;
            }
            if (Price(prop.Value, at, errors) is not { } price) continue;
            if (prop.Name is "baseline" or "orchestrator") s.Baseline = price;
            else s.Prices.Override(prop.Name, price);
        }
    }

    private static ModelPrice? Price(JsonElement e, string at, List<string> errors)
    {
        if (!IsObject(e, at, errors)) return null;
        double? input = null, cached = null, output = null, cacheWrite = null;
        LongContextTier? longContext = null;
        var asOf = new DateOnly(2000, 1, 1);
        foreach (var f in e.EnumerateObject())
        {
            var path = $"{at}.{f.Name}";
            switch (f.Name)
            {
                case "input": input = Num(f.Value, path, errors, 0, 10_000); break;
                case "cached": cached = Num(f.Value, path, errors, 0, 10_000); break;
                case "output": output = Num(f.Value, path, errors, 0, 10_000); break;
                case "cacheWrite": cacheWrite = Num(f.Value, path, errors, 0, 10_000); break;
                case "longContext": longContext = LongContext(f.Value, path, errors); break;
                case "asOf":
                    if (Str(f.Value, path, errors) is { } d)
                    {
                        if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) asOf = parsed;
                        else errors.Add($"{path}: '{d}' is not a date like 2026-11-23");
                    }
                    break;
                default: break;
            }
        }
        if (input is null || output is null)
        {
            errors.Add($"{at}: needs \"input\" and \"output\" (USD per 1M tokens), optional \"cached\" and \"asOf\"");
            return null;
        }
        return new ModelPrice((decimal)input.Value, (decimal)(cached ?? input.Value), (decimal)output.Value, asOf)
        {
            CacheWrite = cacheWrite is { } w ? (decimal)w : null,
            LongContext = longContext,
        };
    }

    /// <summary><c>{"aboveInputTokens": 272000, "inputMultiplier": 2, "outputMultiplier": 1.5}</c>.</summary>
    private static LongContextTier? LongContext(JsonElement e, string at, List<string> errors)
    {
        if (!IsObject(e, at, errors)) return null;
        double? above = null, inMul = null, outMul = null;
        foreach (var f in e.EnumerateObject())
            switch (f.Name)
            {
                case "aboveInputTokens": above = Num(f.Value, $"{at}.{f.Name}", errors, 1, 100_000_000); break;
                case "inputMultiplier": inMul = Num(f.Value, $"{at}.{f.Name}", errors, 1, 100); break;
                case "outputMultiplier": outMul = Num(f.Value, $"{at}.{f.Name}", errors, 1, 100); break;
                default: break;
            }
        if (above is null) { errors.Add($"{at}: needs \"aboveInputTokens\" (and \"inputMultiplier\", \"outputMultiplier\")"); return null; }
        return new LongContextTier((long)above.Value, (decimal)(inMul ?? 1), (decimal)(outMul ?? 1));
    }

    private static void ApplyBudgets(JsonElement section, DmProviderSettings s, List<string> errors)
    {
        if (!IsObject(section, "budgets", errors)) return;
        foreach (var prop in section.EnumerateObject())
        {
            var at = $"budgets.{prop.Name}";
            double? usd = prop.Value.ValueKind == JsonValueKind.Object && prop.Value.TryGetProperty("dailyUsd", out var d)
                ? Num(d, at + ".dailyUsd", errors, 0, 1_000_000)
                : Num(prop.Value, at, errors, 0, 1_000_000);
            if (usd is null) continue;
            if (!s.Lanes.TryGetValue(prop.Name, out var lane)) s.Lanes[prop.Name] = lane = ProviderDefaults.OtherLane(prop.Name);
            lane.DailyBudgetUsd = (decimal)usd.Value;
        }
    }

    private static bool IsObject(JsonElement e, string at, List<string> errors)
    {
        if (e.ValueKind == JsonValueKind.Object) return true;
        errors.Add($"{at}: expected a JSON object, found {e.ValueKind.ToString().ToLowerInvariant()}");
        return false;
    }

    private static string? Str(JsonElement e, string at, List<string> errors)
    {
        if (e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())) return e.GetString()!.Trim();
        errors.Add($"{at}: expected a non-empty string");
        return null;
    }

    private static double? Num(JsonElement e, string at, List<string> errors, double min, double max)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && v >= min && v <= max) return v;
        errors.Add($"{at}: expected a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {e}");
        return null;
    }
}
