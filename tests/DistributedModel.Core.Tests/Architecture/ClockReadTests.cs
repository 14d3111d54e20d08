using System.Text.RegularExpressions;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Architecture;

/// <summary>
/// One clock (issue 12): <c>src/</c> reads time through an injected <see cref="TimeProvider"/>, so tests run on
/// <c>FakeTimeProvider</c>. The banned-API analyzer enforces it at build time (src/BannedSymbols.txt, wired in
/// Directory.Build.props) for every src project; this test is the same rule over the source text.
/// </summary>
public sealed partial class ClockReadTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex ClockRead();

    [Fact]
    public void Nothing_in_src_reads_the_clock_directly()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(Path.Combine(src, f)).Any(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && ClockRead().IsMatch(l)))
            .ToList();

        readers.Should().BeEmpty();
    }

    [Fact]
    public void The_banned_symbols_cover_every_direct_clock_read()
    {
        var banned = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "BannedSymbols.txt")).Select(l => l.Split(';')[0]);

        banned.Should().BeEquivalentTo(
            "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTime.Today", "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow");
        File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Should().Contain("Microsoft.CodeAnalysis.BannedApiAnalyzers").And.Contain("src/BannedSymbols.txt");
    }
}
