using DistributedModel.Compression;

namespace DistributedModel.Compression.Tests.Classification;

/// <summary>Issue 27.3: MSBuild's start-up and evaluation chatter is known noise; the same words elsewhere are not.</summary>
public class MsBuildChatterTests
{
    [Theory] // lines of the real `dotnet build -v:d` in the corpus (dotnet-build-13-files)
    [InlineData("       Process = \"/usr/share/dotnet/dotnet\"")]
    [InlineData("       Command line arguments = \"/usr/share/dotnet/sdk/10.0.401/MSBuild -maxcpucount --verbosity:m\"")]
    [InlineData("       Assembly loaded during Evaluation: System.Runtime.Loader, Version=10.0.0.0, Culture=neutral")]
    [InlineData("       Errors: MSB4276: The default SDK resolver failed to resolve SDK \"Microsoft.NET.SDK.WorkloadAutoImportPropsLocator\" because directory \"/usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.SDK.WorkloadAutoImportPropsLocator/Sdk\" did not exist.")]
    [InlineData("       The \"DefaultSdkResolver\" resolver attempted to resolve the SDK \"Microsoft.NET.SDK.WorkloadAutoImportPropsLocator\".")]
    [InlineData("       The \"NuGetInteractive\" property is a global property, and cannot be modified.")]
    [InlineData("         Encountered conflict between 'Platform:mscorlib.dll' and 'Platform:mscorlib.dll'. Could not determine winner due to equal file and assembly versions.")]
    [InlineData("     0>Enabled loggers: ConsoleLogger, CentralForwardingLogger, CentralForwardingLogger")]
    [InlineData("       /usr/share/dotnet/sdk/10.0.401/Current/Microsoft.Common.props(60,5): message : Property reassignment: $(MSBuildProjectExtensionsPath)=\"/tmp/realproj/obj/\"")]
    public void Start_up_and_evaluation_lines_are_chatter(string line) => MsBuildChatter.Is(line).Should().BeTrue();

    [Theory]
    [InlineData("Process = \"/usr/bin/worker\" exited with code 3")] // not indented: some other program's line
    [InlineData("   1:7>/tmp/billing13/Program.cs(7,34): error CS0103: The name 'totl' does not exist in the current context [/tmp/billing13/Billing.csproj]")]
    [InlineData("       Errors: 3 tests failed")]
    [InlineData("  The \"Foo\" task failed unexpectedly.")]
    [InlineData("")]
    public void Diagnostics_and_other_programs_lines_are_not(string line) => MsBuildChatter.Is(line).Should().BeFalse();
}
