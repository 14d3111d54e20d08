namespace DistributedModel.Cli.Json;

/// <summary>A configuration file as it was before we first edited it: lets uninstall give back the exact bytes.</summary>
public sealed record FileSnapshot(bool Existed, string? Text)
{
    public static FileSnapshot Take(string path) =>
        File.Exists(path) ? new FileSnapshot(true, File.ReadAllText(path)) : new FileSnapshot(false, null);
}
