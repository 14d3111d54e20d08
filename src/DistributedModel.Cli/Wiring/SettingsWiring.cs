using System.Text.Json.Nodes;
using DistributedModel.Cli.Json;

namespace DistributedModel.Cli.Wiring;

/// <summary>
/// Adds and removes our hooks in a Claude Code <c>settings.json</c> object without touching anything else:
/// other keys, other events, the user's own hook groups and their order stay as they are.
/// </summary>
public static class SettingsWiring
{
    /// <summary>Merges the plan's hook groups. Returns true if the object changed.</summary>
    public static bool Add(JsonObject settings, WiringPlan plan, string path)
    {
        var hooks = ObjectProperty(settings, "hooks", path);
        bool changed = false;
        foreach (var spec in plan.Hooks)
        {
            var events = ArrayProperty(hooks, spec.Event, path);
            var canonical = WiringPlan.Group(spec);
            var ourGroups = events.Select((g, i) => (g, i)).Where(x => ContainsOurHook(x.g, spec)).ToList();
            if (ourGroups.Count == 1 && JsonNode.DeepEquals(ourGroups[0].g, canonical)) continue;

            int insertAt = ourGroups.Count > 0 ? ourGroups[0].i : events.Count;
            RemoveOurHooks(events, spec);
            events.Insert(Math.Min(insertAt, events.Count), canonical);
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// Removes our hooks. Containers that become empty are removed unless <paramref name="original"/> (the file as it was
    /// before install) already had them. Returns true if the object changed.
    /// </summary>
    public static bool Remove(JsonObject settings, WiringPlan plan, JsonObject? original)
    {
        if (settings["hooks"] is not JsonObject hooks) return false;
        bool changed = false;
        foreach (var spec in plan.Hooks)
        {
            if (hooks[spec.Event] is not JsonArray events) continue;
            if (!RemoveOurHooks(events, spec)) continue;
            changed = true;
            if (events.Count == 0 && original?["hooks"]?[spec.Event] is null) hooks.Remove(spec.Event);
        }
        if (changed && hooks.Count == 0 && original?["hooks"] is null) settings.Remove("hooks");
        return changed;
    }

    /// <summary>True if any of the plan's hooks is present.</summary>
    public static bool IsWired(JsonObject? settings, WiringPlan plan) =>
        settings?["hooks"] is JsonObject hooks
        && plan.Hooks.All(spec => hooks[spec.Event] is JsonArray events && events.Any(g => ContainsOurHook(g, spec)));

    private static bool ContainsOurHook(JsonNode? group, HookSpec spec) =>
        group?["hooks"] is JsonArray items && items.Any(h => IsOurs(h, spec));

    private static bool IsOurs(JsonNode? hook, HookSpec spec) =>
        hook is JsonObject o && o["command"] is JsonValue v && v.TryGetValue<string>(out var cmd)
        // what earlier versions wrote is ours too (re-install and uninstall replace/remove it)
        && (cmd == spec.Command || spec.PreviousCommands.Contains(cmd, StringComparer.Ordinal));

    /// <summary>Removes our hook items; drops groups left with no hooks. Returns true if anything was removed.</summary>
    private static bool RemoveOurHooks(JsonArray events, HookSpec spec)
    {
        bool removed = false;
        for (int i = events.Count - 1; i >= 0; i--)
        {
            if (events[i]?["hooks"] is not JsonArray items) continue;
            int before = items.Count;
            for (int j = items.Count - 1; j >= 0; j--)
                if (IsOurs(items[j], spec)) items.RemoveAt(j);
            if (items.Count == before) continue;
            removed = true;
            if (items.Count == 0) events.RemoveAt(i);
        }
        return removed;
    }

    internal static JsonObject ObjectProperty(JsonObject parent, string name, string path)
    {
        switch (parent[name])
        {
            case JsonObject o: return o;
            case null:
                var created = new JsonObject();
                parent[name] = created;
                return created;
            default:
                throw new JsonFileException(path, $"\"{name}\" must be a JSON object. The file was not changed.");
        }
    }

    private static JsonArray ArrayProperty(JsonObject parent, string name, string path)
    {
        switch (parent[name])
        {
            case JsonArray a: return a;
            case null:
                var created = new JsonArray();
                parent[name] = created;
                return created;
            default:
                throw new JsonFileException(path, $"\"hooks.{name}\" must be a JSON array. The file was not changed.");
        }
    }
}
