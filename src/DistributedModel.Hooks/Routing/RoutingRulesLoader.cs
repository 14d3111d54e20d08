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
        if (configFile is null || !File.Exists(configFile)) return new LoadedRouting(defaults, null);
        try
        {
            ReadOnlySpan<byte> json = File.ReadAllBytes(configFile);
            if (json.StartsWith("\uFEFF"u8)) json = json[3..];
            // Most dm.json files configure providers only: scanning for the section is ~3 ms cheaper per prompt than
            // initialising the serializer's metadata for it. The scan still rejects malformed JSON.
            if (!HasRoutingSection(json)) return new LoadedRouting(defaults, null);
            var doc = JsonSerializer.Deserialize(json, RoutingJsonContext.Default.DmConfigDocument);
            return new LoadedRouting(doc?.Routing is null ? defaults : Merge(defaults, doc.Routing), null);
        }
        catch (JsonException ex)
        {
            return new LoadedRouting(defaults, $"dm.json ignored: invalid JSON at line {ex.LineNumber + 1}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadedRouting(defaults, "dm.json ignored: " + ex.GetType().Name);
        }
    }

    /// <summary>
    /// Whether the top-level object has a <c>routing</c> property; reads the whole document, so malformed JSON throws
    /// <see cref="JsonException"/>. Anything but an object answers true and is left to the deserializer to report.
    /// </summary>
    private static bool HasRoutingSection(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return true;
        bool found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            found |= reader.ValueTextEquals("routing"u8);
            reader.Read();
            reader.Skip();
        }
        while (reader.Read()) { } // anything after the object is malformed too
        return found;
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
            };
        }
        return new RoutingRules
        {
            Enabled = overrides.Enabled ?? defaults.Enabled,
            MaxContextBytes = overrides.MaxContextBytes ?? defaults.MaxContextBytes,
            MinPromptChars = overrides.MinPromptChars ?? defaults.MinPromptChars,
            Header = overrides.Header ?? defaults.Header,
            SkipIf = overrides.SkipIf ?? defaults.SkipIf,
            Lanes = lanes,
        };
    }
}

/// <summary>Effective rules plus an optional warning (e.g. the config file was malformed), for the log's detail.</summary>
public sealed record LoadedRouting(RoutingRules Rules, string? Warning);
