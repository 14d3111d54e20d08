using System.Text.Json;
using System.Text.Json.Serialization;
using DistributedModel.Cli.Json;
using DistributedModel.Cli.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary>
/// What <c>dm install</c> (in <c>.claude/dm/install.json</c>) or <c>dm promote</c> (in <c>~/.claude/dm/promote.json</c>)
/// did: when the validation window started, the edited files as they were before, the directories it created.
/// </summary>
public sealed record InstallState
{
    public int Version { get; init; } = 1;
    public required DateTimeOffset InstalledAt { get; init; }

    /// <summary>Start of the validation window: <c>dm report</c> and <c>dm promote</c> measure from here.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Keyed by path (relative to the repo, or absolute for user scope).</summary>
    public Dictionary<string, FileSnapshot> Files { get; init; } = [];

    /// <summary>Directories that did not exist before (relative or absolute like <see cref="Files"/>).</summary>
    public List<string> CreatedDirectories { get; init; } = [];

    /// <summary>The block install added to <c>.git/info/exclude</c> or <c>.gitignore</c> (null: none).</summary>
    public IgnoreRecord? Ignore { get; init; }

    /// <summary>Set while our status line is wired in this scope (<c>--statusline</c>): what it replaced, for uninstall.</summary>
    public StatusLineRecord? StatusLine { get; init; }

    /// <summary>Set by <c>dm promote</c> on the repository's state when the setup moved to user scope.</summary>
    public DateTimeOffset? PromotedAt { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static InstallState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<InstallState>(File.ReadAllText(path), Options); }
        catch (JsonException ex)
        {
            throw new JsonFileException(path, $"is not a valid install record ({ex.Message}). Delete it to start a new validation window.", ex);
        }
    }

    /// <summary>Writes the record unless the file already holds exactly it (a repeated install changes nothing).</summary>
    public void Save(string path)
    {
        var text = JsonSerializer.Serialize(this, Options) + "\n";
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        JsonFile.WriteText(path, text);
    }
}
