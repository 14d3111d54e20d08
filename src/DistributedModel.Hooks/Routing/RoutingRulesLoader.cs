using DistributedModel.Core.Configuration;
using System.Text.Json;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// Loads the routing rules: the compiled-in defaults (embedded <c>DefaultRoutingRules.json</c>), overridden by the
/// <c>routing</c> section of <c>.claude/dm.json</c> when present. A broken config file never breaks the hook: the
/// defaults apply and <see cref="LoadedRouting.Warning"/> says why.
/// </summary>
public static class RoutingRulesLoader
{
    private const string ResourceName = "DistributedModel.Hooks.Routing.DefaultRoutingRules.json";

    public static RoutingRules LoadDefaults()
    {
        using var stream = typeof(RoutingRulesLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return JsonSerializer.Deserialize(stream, RoutingJsonContext.Default.RoutingRules)
            ?? throw new InvalidOperationException("default routing rules are empty");
    }

    /// <summary>Defaults merged with the <c>routing</c> section of <paramref name="configFile"/> (if the file exists).</summary>
    public static LoadedRouting Load(string? configFile)
    {
        var defaults = LoadDefaults();
        if (configFile is null) return new LoadedRouting(defaults, null);
        try
        {
            if (ConfigFileText.ReadBytes(configFile) is not { } bytes) return new LoadedRouting(defaults, null);
            ReadOnlySpan<byte> json = bytes;
            var routing = ReadRoutingSection(json);
            return new LoadedRouting(routing is null ? defaults : Merge(defaults, routing), null);
        }
        catch (JsonException ex)
        {
            return new LoadedRouting(defaults, $"dm.json ignored: invalid JSON at line {ex.LineNumber + 1}");
        }
        catch (DistributedModel.Core.Runtime.BoundedFileException ex)
        {
            return new LoadedRouting(defaults, "dm.json ignored: " + ex.Reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadedRouting(defaults, "dm.json ignored: " + ex.GetType().Name);
        }
    }

    /// <summary>
    /// The <c>routing</c> section of a dm.json document, or null. One pass with a reader that skips the other sections:
    /// most files configure providers only, and then the serializer's metadata is never built (~3 ms per prompt). Reads to
    /// the end, so malformed JSON anywhere — or a document that is not an object — throws <see cref="JsonException"/>.
    /// </summary>
    private static RoutingRules? ReadRoutingSection(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("dm.json is not a JSON object", path: null, lineNumber: 0, bytePositionInLine: 0);
        RoutingRules? routing = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isRouting = reader.ValueTextEquals("routing"u8);
            reader.Read();
            if (isRouting) routing = JsonSerializer.Deserialize(ref reader, RoutingJsonContext.Default.RoutingRules);
            else reader.Skip();
        }
        while (reader.Read()) { } // anything after the object is malformed too
        return routing;
    }

    /// <summary>Scalars: override wins when set. Lanes: same name → non-null fields override; new names are appended
    /// (after the defaults); <c>replaceDefaults</c> drops the default lanes.</summary>
    public static RoutingRules Merge(RoutingRules defaults, RoutingRules overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overrides);
        var lanes = overrides.ReplaceDefaults == true ? new List<RoutingLaneRule>() : [.. defaults.Lanes ?? []];
        foreach (var o in overrides.Lanes ?? [])
        {
            if (string.IsNullOrWhiteSpace(o.Lane)) continue;
            int i = lanes.FindIndex(l => string.Equals(l.Lane, o.Lane, StringComparison.OrdinalIgnoreCase));
            if (i < 0) { lanes.Add(o); continue; }
            var d = lanes[i];
            lanes[i] = d with
            {
                Enabled = o.Enabled ?? d.Enabled,
                Match = o.Match ?? d.Match,
                Exclude = o.Exclude ?? d.Exclude,
                Guidance = o.Guidance ?? d.Guidance,
                Files = o.Files is null ? d.Files : d.Files is null ? o.Files : d.Files with
                {
                    Enabled = o.Files.Enabled ?? d.Files.Enabled,
                    MinBytes = o.Files.MinBytes ?? d.Files.MinBytes,
                    SourceExtensions = o.Files.SourceExtensions ?? d.Files.SourceExtensions,
                    Exclude = o.Files.Exclude ?? d.Files.Exclude,
                    Guidance = o.Files.Guidance ?? d.Files.Guidance,
                },
            };
        }
        return new RoutingRules
        {
            Enabled = overrides.Enabled ?? defaults.Enabled,
            MaxContextBytes = overrides.MaxContextBytes ?? defaults.MaxContextBytes,
            MinPromptChars = overrides.MinPromptChars ?? defaults.MinPromptChars,
            BudgetMilliseconds = overrides.BudgetMilliseconds ?? defaults.BudgetMilliseconds,
            Header = overrides.Header ?? defaults.Header,
            SkipIf = overrides.SkipIf ?? defaults.SkipIf,
            Lanes = lanes,
        };
    }
}

/// <summary>Effective rules plus an optional warning (e.g. the config file was malformed), for the log's detail.</summary>
public sealed record LoadedRouting(RoutingRules Rules, string? Warning);
