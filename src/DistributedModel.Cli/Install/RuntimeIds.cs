using System.Runtime.InteropServices;

namespace DistributedModel.Cli.Install;

/// <summary>The runtime identifier to publish the Native AOT hooks for (this machine's).</summary>
public static class RuntimeIds
{
    public static string Current()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            _ => "x64",
        };
        return $"{os}-{arch}";
    }
}
