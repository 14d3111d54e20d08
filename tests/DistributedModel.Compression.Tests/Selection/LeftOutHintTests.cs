using System.Text.RegularExpressions;
using DistributedModel.Compression;
using DistributedModel.Compression.Selection;
using DistributedModel.Testing;
using DistributedModel.Testing.Corpus;
using DistributedModel.Testing.Processes;
using Xunit.Abstractions;

namespace DistributedModel.Compression.Tests.Selection;

/// <summary>
/// Issue 27.4: when the distinct failures do not fit, the header says how many kinds are shown of how many, and how to
/// find the first one left out — a <c>grep</c> command that is run here, by the real <c>sh</c> and <c>grep</c>, on the
/// full output written where the header says it is.
/// </summary>
public partial class LeftOutHintTests(ITestOutputHelper output)
{
    public static TheoryData<string> All() => new(RealOutputs.Names());

    [Theory]
    [MemberData(nameof(All))]
    public async Task The_header_says_how_many_failure_kinds_are_left_out_and_its_grep_finds_the_first(string name)
    {
        using var dir = new TempDirectory("dm-leftout");
        var input = RealOutputs.Load(name);
        var raw = dir.Write(".claude/dm/raw/it's here.txt", input); // a quote in the path: the command must still run
        var result = OutputCompressor.Compress(input, new CompressionOptions { FullOutputPath = raw });
        var header = result.Text.Split('\n')[0];
        var kinds = KindsRegex().Match(header);
        var grep = GrepRegex().Match(header);
        output.WriteLine($"{name}: {(kinds.Success ? kinds.Value : "every failure kind shown")}");
        if (!kinds.Success)
        {
            grep.Success.Should().BeFalse("no grep hint when nothing was left out: " + header);
            return;
        }
        int shown = int.Parse(kinds.Groups["shown"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        int total = int.Parse(kinds.Groups["total"].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        shown.Should().BeLessThan(total, header);
        result.OutputBytes.Should().BeLessThanOrEqualTo(CompressionOptions.DefaultBudgetBytes, "the hint is priced like everything else");
        grep.Success.Should().BeTrue("a left-out kind names how to find it: " + header);

        // Run the command exactly as written: it lists lines of the full output, and at least one is not in the digest.
        var run = await ProcessRunner.RunAsync("sh", ["-c", grep.Groups["command"].Value]);
        run.ExitCode.Should().Be(0, run.ToString());
        var found = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        found.Should().NotBeEmpty();
        var inputLines = input.Split('\n');
        var digestLines = result.Text.Split('\n').ToHashSet(StringComparer.Ordinal);
        var leftOut = found.Select(l => inputLines[int.Parse(l.AsSpan(0, l.IndexOf(':')), System.Globalization.CultureInfo.InvariantCulture) - 1].TrimEnd('\r'))
            .Where(l => !digestLines.Contains(l)).ToList();
        leftOut.Should().NotBeEmpty("the grep finds a line the digest left out");
        output.WriteLine($"  {grep.Groups["command"].Value[..Math.Min(120, grep.Groups["command"].Value.Length)]} → {found.Length} lines");
    }

    [Fact]
    public void Every_real_output_whose_failures_fit_says_nothing_about_left_out_kinds()
    {
        // The ZooKeeper log's 15 failure kinds fit in 8 KB (issue 27): its header has no "failure kinds shown".
        var result = OutputCompressor.Compress(RealOutputs.Load("loghub-zookeeper"), new CompressionOptions { FullOutputPath = "/r/raw.txt" });
        result.Text.Split('\n')[0].Should().NotContain("failure kinds shown");
    }

    [Fact]
    public void A_log_with_more_failure_kinds_than_fit_names_them_in_the_header()
    {
        // BlueGene/L: ~50 failure kinds, one line each needs 12-19 KB (issue 27).
        var result = OutputCompressor.Compress(RealOutputs.Load("loghub-bgl"), new CompressionOptions { FullOutputPath = "/r/raw.txt" });
        result.Text.Split('\n')[0].Should().MatchRegex(@" · \d+ of \d+ failure kinds shown · .* · first left out: grep -nF -e '[^']+' '/r/raw\.txt'\]$");
    }

    [Theory]
    [InlineData("2015-07-29 19:21:29,593 - WARN  [QuorumCnxManager@368] - Cannot open channel to 2 at election address /10.10.34.12:3888", "- Cannot open channel to")]
    [InlineData("- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected", "RAS KERNEL INFO instruction cache parity error corrected")]
    [InlineData("it's the 'quoted' one with a back\\slash and more plain words after it", "and more plain words after it")]
    [InlineData("12 34 56", null)]
    [InlineData("ok 1 fine 2", null)]
    public void The_pattern_is_the_longest_run_of_words_without_digits_quotes_or_backslashes(string line, string? expected) =>
        LeftOutHint.Pattern(line).Should().Be(expected);

    [Fact]
    public void A_long_run_is_cut_at_a_word_boundary_within_sixty_characters()
    {
        var pattern = LeftOutHint.Pattern("1 " + string.Join(' ', Enumerable.Repeat("wordy", 30)) + " 2");
        pattern.Should().NotBeNull();
        pattern!.Length.Should().BeLessThanOrEqualTo(LeftOutHint.MaxPatternChars);
        pattern.Should().Be(string.Join(' ', Enumerable.Repeat("wordy", 10)));
    }

    [Fact]
    public async Task A_pattern_that_starts_with_a_dash_is_searched_for_not_read_as_an_option()
    {
        using var dir = new TempDirectory("dm-leftout");
        var raw = dir.Write("raw.txt", "line one\n--version of the thing failed here\n");
        var command = LeftOutHint.Grep("42 --version of the thing failed here", raw);
        command.Should().StartWith("first left out: grep -nF -e '--version of the thing failed here' ");
        var run = await ProcessRunner.RunAsync("sh", ["-c", command!["first left out: ".Length..]]);
        run.StdOut.Should().Be("2:--version of the thing failed here\n", run.ToString());
    }

    [GeneratedRegex(@" · (?<shown>[\d,]+) of (?<total>[\d,]+) failure kinds shown")]
    private static partial Regex KindsRegex();

    [GeneratedRegex(@" · first left out: (?<command>grep -nF -e .*)\]$")]
    private static partial Regex GrepRegex();
}
