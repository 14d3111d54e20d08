using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DistributedModel.Cli.Json;

/// <summary>
/// Reads and writes the JSON configuration files we merge into (<c>settings.json</c>, <c>.mcp.json</c>, <c>~/.claude.json</c>).
/// Property order is preserved (JsonNode keeps insertion order); output is 2-space indented with a trailing newline.
/// </summary>
public static class JsonFile
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // A repeated key would otherwise parse (lazily) and crash on first access; Claude Code keeps only the last one.
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Loads a file that must hold a JSON object. Missing file → null. Empty/whitespace file → empty object.</summary>
    /// <exception cref="JsonFileException">Malformed JSON or not an object; the message names the file and the position.</exception>
    public static JsonObject? ReadObject(string path)
    {
        if (!File.Exists(path)) return null;
        ThrowIfDangling(path, new FileInfo(path));
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JsonFileException(path, "cannot read: " + ex.Message, ex);
        }
        return ParseObject(path, text);
    }

    /// <summary>Parses <paramref name="text"/> as a JSON object, naming <paramref name="path"/> in any error.</summary>
    public static JsonObject ParseObject(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new JsonObject();
        JsonNode? node;
        try { node = JsonNode.Parse(text, documentOptions: ReadOptions); }
        catch (JsonException ex)
        {
            if (DuplicateKeys.Find(text) is var (name, line, column, firstLine))
                throw new JsonFileException(path, $"has the key \"{name}\" twice in one object (first at line {firstLine}, again at line {line}, column {column}). " +
                    "The file was not changed; remove one of them and run again.", ex);
            var where = ex.LineNumber is { } l ? $" at line {l + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "";
            throw new JsonFileException(path, $"is not valid JSON{where} ({FirstSentence(ex.Message)}). The file was not changed; fix it or move it away and run again.", ex);
        }
        return node as JsonObject
            ?? throw new JsonFileException(path, $"must hold a JSON object, found {node?.GetValueKind().ToString() ?? "null"}. The file was not changed.");
    }

    /// <summary>Serializes as we write files: 2-space indent, relaxed escaping, trailing newline.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(WriteOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>Writes atomically (temp file + rename) so a crash never leaves half a settings file.</summary>
    public static void WriteText(string path, string text) => WriteBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// Writes atomically (temp file + rename), keeping the existing file's permissions. A symbolic link is kept: the
    /// file it points to is written. A read-only file is refused (<see cref="WriteTarget"/>).
    /// </summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        var target = WriteTarget(path);
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(target)}.dm-{Environment.ProcessId}.tmp");
        File.WriteAllBytes(tmp, bytes);
        if (!OperatingSystem.IsWindows() && File.Exists(target)) File.SetUnixFileMode(tmp, File.GetUnixFileMode(target));
        File.Move(tmp, target, overwrite: true);
    }

    /// <summary>
    /// The file a write of <paramref name="path"/> must replace: the path itself, or for a symbolic link its final
    /// target (replacing the link by a regular file would cut it off from what it shares).
    /// </summary>
    /// <exception cref="JsonFileException">The link dangles, or the file is read-only (the user protected it: we do not override that).</exception>
    public static string WriteTarget(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            var final = ThrowIfDangling(path, info);
            full = final.FullName;
            info = new FileInfo(full);
        }
        bool readOnly = info.Exists && (OperatingSystem.IsWindows()
            ? info.IsReadOnly
            : (File.GetUnixFileMode(full) & UnixFileMode.UserWrite) == 0);
        if (readOnly)
            throw new JsonFileException(path, (full == Path.GetFullPath(path) ? "is read-only" : $"links to {full}, which is read-only") +
                ". Nothing was changed; make it writable (chmod u+w) if dm may edit it, and run again.");
        return full;
    }

    private static FileSystemInfo ThrowIfDangling(string path, FileInfo info)
    {
        if (info.LinkTarget is null) return info;
        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final is { Exists: true } ? final
            : throw new JsonFileException(path, $"is a symbolic link to {info.LinkTarget}, which does not exist. Nothing was changed; fix the link or remove it and run again.");
    }

    public static void WriteObject(string path, JsonObject obj) => WriteText(path, Serialize(obj));

    /// <summary>Deep copy via re-parse (JsonNode instances can only have one parent).</summary>
    public static JsonNode Clone(JsonNode node) => node.DeepClone();

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).Trim().TrimEnd('.');
    }
}
