namespace DistributedModel.Cli.Json;

/// <summary>An existing JSON file could not be used (malformed, not an object, unreadable). The file is left untouched.</summary>
public sealed class JsonFileException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string FilePath { get; } = path;
}
