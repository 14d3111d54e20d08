using System.Text.RegularExpressions;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Architecture;

/// <summary>
/// <c>src/</c> starts processes in one file, <see cref="Core.Processes.ProcessRunner"/> (time limit, tree kill, output
/// caps, environment control, children that die with their caller). The dispatch engine's <c>ChildProcess</c> runs on it
/// too (issue 28.4).
/// </summary>
public sealed partial class ProcessStartTests
{
    private static readonly string[] Allowed =
    [
        "DistributedModel.Core/Processes/ProcessRunner.cs",
    ];

    [GeneratedRegex(@"new\s+ProcessStartInfo\b|\bProcess\.Start\s*\(|new\s+Process\s*(\{|\()|(?i:\bp(rocess)?\w*\.Start\(\))")]
    private static partial Regex StartsAProcess();

    [Fact]
    public void Only_the_process_runner_starts_processes()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var starters = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(Path.Combine(src, f)).Any(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && StartsAProcess().IsMatch(l)))
            .ToList();

        starters.Should().BeSubsetOf(Allowed);
        starters.Should().Contain(Allowed[0], "the pattern still finds the runner's own start, so it is not blind");
    }
}
