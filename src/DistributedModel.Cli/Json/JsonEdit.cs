using System.Text.Json.Nodes;

namespace DistributedModel.Cli.Json;

/// <summary>
/// One pending edit of a JSON configuration file. <see cref="Load"/> parses first (a malformed file throws
/// <see cref="JsonFileException"/> naming it, before anything is written anywhere); <see cref="Save"/> writes only if a
/// change was applied — so repeated runs leave the file alone, formatting included.
/// </summary>
public sealed class JsonEdit
{
    private JsonEdit(string path, JsonObject obj, bool existed)
    {
        Path = path;
        Object = obj;
        Existed = existed;
    }

    public string Path { get; }
    public JsonObject Object { get; }
    public bool Existed { get; }
    public bool Changed { get; private set; }

    public static JsonEdit Load(string path)
    {
        var obj = JsonFile.ReadObject(path);
        return new JsonEdit(path, obj ?? new JsonObject(), obj is not null);
    }

    /// <summary>Runs a mutation that returns true if it changed the object.</summary>
    public JsonEdit Apply(Func<JsonObject, bool> mutate)
    {
        Changed |= mutate(Object);
        return this;
    }

    /// <summary>
    /// Throws <see cref="JsonFileException"/> now if a pending change could not be written (read-only file, dangling
    /// link): call it before any other work so a refusal leaves everything as it was.
    /// </summary>
    public void EnsureWritable()
    {
        if (Changed) JsonFile.WriteTarget(Path);
    }

    /// <summary>The original (pre-install) content parsed, or null if there was none or it no longer parses.</summary>
    public static JsonObject? Parse(FileSnapshot? before, string path)
    {
        if (before is not { Existed: true, Text: { } text }) return null;
        try { return JsonFile.ParseObject(path, text); }
        catch (JsonFileException) { return null; }
    }

    /// <summary>
    /// Writes the change. With <paramref name="before"/> (the file before install): if the result equals it, the original
    /// bytes are written back; if the file did not exist and nothing is left, it is deleted. <paramref name="backupPath"/>
    /// receives a copy of the current file first. Returns true if the file system changed.
    /// </summary>
    public bool Save(FileSnapshot? before = null, string? backupPath = null)
    {
        if (!Changed) return false;
        if (backupPath is not null && File.Exists(Path)) File.Copy(Path, backupPath, overwrite: true);
        if (before is { Existed: false } && Object.Count == 0)
        {
            if (File.Exists(Path)) File.Delete(Path);
            return true;
        }
        var original = Parse(before, Path);
        if (original is not null && JsonNode.DeepEquals(Object, original))
            JsonFile.WriteBytes(Path, before!.Bytes!);
        else
            JsonFile.WriteObject(Path, Object);
        return true;
    }
}
