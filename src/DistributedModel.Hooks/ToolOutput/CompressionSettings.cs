using System.Text.Json;
using DistributedModel.Core.Configuration;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// The <c>compression</c> section of <c>~/.claude/dm.json</c> and the project's <c>.claude/dm.json</c>:
/// <code>{"compression": {"budgetBytes": 8192, "tools": {"Bash": 12000, "mcp__distributed-model__summarize": 4096}}}</code>
/// Read with one forward pass of a reader that skips the other sections (no serializer metadata in a hook). A missing
/// file means the defaults; a malformed file or value is ignored with a warning for the log line (the hook never fails
/// because of its configuration), like the routing section. The user's file sets the budgets; the project's may only lower
/// them (<see cref="Load"/>).
/// </summary>
public sealed record CompressionSettings(int? BudgetBytes, IReadOnlyDictionary<string, int> ToolBudgets, string? Warning)
{
    public static CompressionSettings Defaults { get; } = new(null, new Dictionary<string, int>(), null);

    /// <summary>Largest dm.json the hook reads (1 MiB).</summary>
    public const int MaxConfigBytes = ConfigFileText.MaxBytes;

    /// <summary>The budget for <paramref name="tool"/>: per-tool setting, else the general one, else 8 KB — never above the tool's limit.</summary>
    public int BudgetFor(string tool, int maxBudget)
    {
        int budget = ToolBudgets.TryGetValue(tool, out int perTool) ? perTool : BudgetBytes ?? Compression.CompressionOptions.DefaultBudgetBytes;
        return Math.Clamp(budget, Compression.CompressionOptions.MinBudgetBytes, maxBudget);
    }

    /// <summary>The user's <c>~/.claude/dm.json</c>, then the project's through <see cref="ConfigKeys"/>: a repository may
    /// only lower a budget (a cloned repository is untrusted input, issue 26), so its larger values are ignored with a
    /// warning naming the key and the user's file.</summary>
    public static CompressionSettings Load(string repoFile, string userFile)
    {
        var user = LoadOne(userFile);
        if (UserConfigFile.IsSameFile(repoFile, userFile)) return user; // a project at ~ is the user's own file
        var repo = LoadOne(repoFile);
        int general = user.BudgetBytes ?? Compression.CompressionOptions.DefaultBudgetBytes;
        var warnings = new List<string>(2);
        if (user.Warning is not null) warnings.Add("~/.claude/dm.json: " + user.Warning);
        if (repo.Warning is not null) warnings.Add(repo.Warning);
        int? budget = user.BudgetBytes;
        if (repo.BudgetBytes is { } repoBudget)
        {
            if (ConfigKeys.RepoMayApply(BudgetKey, repoBudget <= general)) budget = repoBudget;
            else warnings.Add(ConfigKeys.Ignored(BudgetKey, ".claude/dm.json", userFile));
        }
        var tools = new Dictionary<string, int>(user.ToolBudgets, StringComparer.Ordinal);
        foreach (var (tool, repoToolBudget) in repo.ToolBudgets)
        {
            int current = user.ToolBudgets.TryGetValue(tool, out int perTool) ? perTool : budget ?? general;
            if (ConfigKeys.RepoMayApply(ToolsKey, repoToolBudget <= current)) tools[tool] = repoToolBudget;
            else warnings.Add(ConfigKeys.Ignored(ToolsKey, "compression.tools." + tool, ".claude/dm.json", userFile));
        }
        return new CompressionSettings(budget, tools, warnings.Count == 0 ? null : string.Join("; ", warnings));
    }

    private const string BudgetKey = "compression.budgetBytes", ToolsKey = "compression.tools.*";

    /// <summary>One file's section; a missing file means the defaults, a bad one the defaults with a warning.</summary>
    public static CompressionSettings LoadOne(string configFile)
    {
        byte[] bytes;
        try
        {
            if (ConfigFileText.ReadBytes(configFile) is not { } read) return Defaults;
            bytes = read;
        }
        catch (DistributedModel.Core.Runtime.BoundedFileException ex)
        {
            return Defaults with { Warning = ex.Reason == "too-large" ? "dm.json ignored: over 1 MiB" : "dm.json ignored: " + ex.Reason };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Defaults with { Warning = "dm.json unreadable: " + ex.GetType().Name };
        }
        try
        {
            return Parse(bytes);
        }
        catch (JsonException ex)
        {
            return Defaults with { Warning = $"dm.json compression ignored: {ex.Message}" };
        }
    }

    public static CompressionSettings Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not a JSON object");
        int? budget = null;
        var tools = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCompression = reader.ValueTextEquals("compression"u8);
            reader.Read();
            if (!isCompression) { reader.Skip(); continue; }
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("compression must be an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("budgetBytes"u8)) { reader.Read(); budget = PositiveInt(ref reader, "compression.budgetBytes"); }
                else if (reader.ValueTextEquals("tools"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("compression.tools must be an object");
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        tools[name] = PositiveInt(ref reader, "compression.tools." + name);
                    }
                }
                else { reader.Read(); reader.Skip(); }
            }
        }
        while (reader.Read()) { }
        return new CompressionSettings(budget, tools, null);
    }

    private static int PositiveInt(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int value) || value <= 0)
            throw new JsonException($"{path} must be a positive whole number of bytes");
        return value;
    }
}
