using System.Text.Json.Nodes;
using DistributedModel.Cli.Json;

namespace DistributedModel.Cli.Wiring;

/// <summary>
/// Claude Code's one <c>statusLine</c> setting (<c>{"type":"command","command":"…"}</c>, 2.1.332's schema also allows
/// <c>padding</c>, <c>refreshInterval</c>, <c>hideVimModeIndicator</c>): ours is recognised by its command alone. Unlike the
/// hooks there is room for only one, so a user's own is kept unless they ask to replace it, and then it is remembered
/// (<see cref="StatusLineRecord"/>) for uninstall.
/// </summary>
public static class StatusLineWiring
{
    public const string Key = "statusLine";

    /// <summary>Our value: the property order of Claude Code's documentation.</summary>
    public static JsonObject Entry(string command) => new() { ["type"] = "command", ["command"] = command };

    /// <summary>What a settings object holds under <see cref="Key"/>.</summary>
    public static StatusLineState Inspect(JsonObject settings, string command)
    {
        if (!settings.TryGetPropertyValue(Key, out var value)) return StatusLineState.None;
        if (value is not JsonObject o || o["type"] is not JsonValue t || !t.TryGetValue<string>(out var type) || type != "command"
            || o["command"] is not JsonValue c || !c.TryGetValue<string>(out var cmd))
            return StatusLineState.Malformed;
        return cmd == command ? StatusLineState.Ours : StatusLineState.Theirs;
    }

    /// <summary>True if the settings hold our status line.</summary>
    public static bool IsOurs(JsonObject? settings, string command) => settings is not null && Inspect(settings, command) == StatusLineState.Ours;

    /// <summary>The user's command, for messages (or the value's JSON when it has none).</summary>
    public static string Describe(JsonObject settings)
    {
        var value = settings[Key];
        var text = value switch
        {
            JsonObject o when o["command"] is JsonValue v && v.TryGetValue<string>(out var cmd) => cmd,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            null => "null",
            _ => value.ToJsonString(),
        };
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>Why a value is malformed, in one sentence that names the file.</summary>
    public static JsonFileException Malformed(JsonObject settings, string path) =>
        new(path, $"\"{Key}\" must be an object {{\"type\": \"command\", \"command\": \"…\"}} (Claude Code's shape), found {Describe(settings)}. " +
            "The file was not changed; fix or remove it, or pass --replace-statusline to replace it (uninstall puts it back exactly as it is).");

    /// <summary>
    /// Sets our status line as <paramref name="mode"/> allows. Returns whether the object changed, the record to keep
    /// (null: ours is not set) and the line to print. A malformed value without <see cref="StatusLineMode.Replace"/>
    /// throws before anything is written.
    /// </summary>
    public static (bool Changed, StatusLineRecord? Record, string Note) Add(JsonObject settings, string command, StatusLineMode mode, StatusLineRecord? existing, string path)
    {
        switch (Inspect(settings, command))
        {
            case StatusLineState.None:
                settings[Key] = Entry(command);
                return (true, new StatusLineRecord(), "status line set to ours");
            case StatusLineState.Ours:
                return (false, existing ?? new StatusLineRecord(), "status line already ours, unchanged");
            case StatusLineState.Theirs when mode != StatusLineMode.Replace:
                return (false, null, $"status line left as yours ({Describe(settings)}); --replace-statusline uses ours and uninstall gives yours back");
            case StatusLineState.Malformed when mode != StatusLineMode.Replace:
                throw Malformed(settings, path);
            default:
                var previous = settings[Key]?.DeepClone();
                settings[Key] = Entry(command); // in place: the key keeps its position
                return (true, new StatusLineRecord { Previous = previous, HadPrevious = true }, $"status line replaced by ours (yours is kept for uninstall: {Describe(new JsonObject { [Key] = previous })})");
        }
    }

    /// <summary>
    /// Removes our status line: gives back what <paramref name="record"/> kept, else removes the key. Anything else under
    /// the key (the user changed it since) is left alone. Returns whether the object changed and the line to print (null
    /// when there was nothing of ours and no record of it).
    /// </summary>
    public static (bool Changed, string? Note) Remove(JsonObject settings, string command, StatusLineRecord? record)
    {
        if (Inspect(settings, command) != StatusLineState.Ours)
            return (false, record is null ? null : "status line is not ours now; left alone");
        if (record is { HadPrevious: true })
        {
            settings[Key] = record.Previous?.DeepClone();
            return (true, "your status line restored");
        }
        settings.Remove(Key);
        return (true, "our status line removed");
    }
}

/// <summary>What <c>--statusline</c> / <c>--replace-statusline</c> asked for.</summary>
public enum StatusLineMode
{
    /// <summary>Leave <c>statusLine</c> alone.</summary>
    Off,

    /// <summary>Set ours only when there is none.</summary>
    IfNone,

    /// <summary>Set ours, keeping the user's for uninstall.</summary>
    Replace,
}

/// <summary>What a settings object holds under <c>statusLine</c>.</summary>
public enum StatusLineState
{
    None,
    Ours,
    Theirs,
    Malformed,
}

/// <summary>
/// Kept in the install record while our status line is set: the value it replaced (<see cref="HadPrevious"/>; the value
/// itself may be any JSON, even one Claude Code would not accept), so uninstall can put it back.
/// </summary>
public sealed record StatusLineRecord
{
    public bool HadPrevious { get; init; }
    public JsonNode? Previous { get; init; }
}
