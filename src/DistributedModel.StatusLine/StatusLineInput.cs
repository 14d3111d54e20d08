using System.Text.Json;

namespace DistributedModel.StatusLine;

/// <summary>
/// What the status line needs from the JSON Claude Code (2.1.332) pipes to a <c>statusLine</c> command: the project
/// directory (<c>workspace.project_dir</c>, else <c>workspace.current_dir</c>, else <c>cwd</c>). Everything else
/// (session, model, context window) is ignored.
/// </summary>
internal static class StatusLineInput
{
    /// <summary>Bound on stdin: the document is a few hundred bytes; anything past this is not read.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads at most <see cref="MaxBytes"/> of <paramref name="stdin"/>; null when it is empty, unreadable or not that JSON.</summary>
    public static string? ProjectDirectory(Stream stdin)
    {
        byte[] buffer = new byte[MaxBytes];
        int length = 0;
        try
        {
            int n;
            while (length < buffer.Length && (n = stdin.Read(buffer, length, buffer.Length - length)) > 0) length += n;
        }
        catch (IOException) { return null; }
        catch (NotSupportedException) { return null; }
        return ProjectDirectory(buffer.AsSpan(0, length));
    }

    public static string? ProjectDirectory(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("workspace", out var ws) && ws.ValueKind == JsonValueKind.Object)
            {
                if (NonEmpty(ws, "project_dir") is { } project) return project;
                if (NonEmpty(ws, "current_dir") is { } current) return current;
            }
            return NonEmpty(root, "cwd");
        }
        catch (JsonException) { return null; }
    }

    private static string? NonEmpty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
