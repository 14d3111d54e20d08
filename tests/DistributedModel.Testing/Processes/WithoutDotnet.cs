using System.Text;

namespace DistributedModel.Testing.Processes;

/// <summary>
/// Issue 29.4: the hooks, the status line and the MCP server run where no .NET is installed. A process started with
/// <see cref="Environment"/> finds no <c>dotnet</c> on <c>PATH</c> and a <c>DOTNET_ROOT</c> that does not exist; and
/// <see cref="IsNativeExecutable"/> tells a Native-AOT binary from an apphost, which would still find this machine's
/// runtime at its default install location (so running alone could not fail here).
/// </summary>
public static class WithoutDotnet
{
    /// <summary>Variables to lay over the inherited environment: <c>PATH</c> is <paramref name="emptyDirectory"/>.</summary>
    public static Dictionary<string, string?> Environment(string emptyDirectory) => new(StringComparer.Ordinal)
    {
        ["PATH"] = emptyDirectory,
        ["DOTNET_ROOT"] = Path.Combine(emptyDirectory, "no-dotnet"),
        ["DOTNET_ROOT_X64"] = null,
        ["DOTNET_HOST_PATH"] = null,
        ["MSBuildExtensionsPath"] = null,
        ["CLAUDE_PROJECT_DIR"] = null,
    };

    /// <summary>False for an apphost (a framework-dependent launcher names <c>libhostfxr.so</c>, which it loads from a .NET
    /// install) and for a missing file.</summary>
    public static bool IsNativeExecutable(string path) =>
        File.Exists(path) && File.ReadAllBytes(path).AsSpan().IndexOf("libhostfxr"u8) < 0 && !File.Exists(Path.ChangeExtension(path, ".dll"));
}
