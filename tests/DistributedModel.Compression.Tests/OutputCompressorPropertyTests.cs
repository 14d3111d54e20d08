using DistributedModel.Compression;
using DistributedModel.Compression.Steps;
using DistributedModel.Testing.Samples;

namespace DistributedModel.Compression.Tests;

public class OutputCompressorPropertyTests
{
    public static TheoryData<string> SampleNames() => new(SampleOutputs.All().Select(s => s.Name));

    private static Sample Get(string name) => SampleOutputs.All().Single(s => s.Name == name);

    private static readonly CompressionOptions Options = new() { FullOutputPath = ".claude/dm/raw/x.log" };

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_line_that_must_survive_is_in_the_output_verbatim(string name)
    {
        var sample = Get(name);
        var result = OutputCompressor.Compress(sample.Text, Options);
        var outLines = result.Text.Split('\n');
        foreach (var line in sample.MustSurvive)
            outLines.Should().Contain(l => l == line || l.StartsWith(line + "  [×", StringComparison.Ordinal),
                $"'{line}' must survive compression of {name}");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Compression_is_idempotent(string name)
    {
        var once = OutputCompressor.Compress(Get(name).Text, Options).Text;
        var twice = OutputCompressor.Compress(once, Options).Text;
        twice.Should().Be(once);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Compression_is_deterministic(string name)
    {
        var a = OutputCompressor.Compress(Get(name).Text, Options);
        var b = OutputCompressor.Compress(Get(name).Text, Options);
        b.Should().Be(a);
    }

    [Theory]
    [InlineData("dotnet-build", 0.5)]
    [InlineData("npm-install", 0.7)]
    [InlineData("pytest", 0.7)]
    [InlineData("service-log-5000", 0.9)]
    [InlineData("noisy-build-200k", 0.9)]
    [InlineData("jest", 0.7)]
    [InlineData("cargo-test", 0.7)]
    public void Logs_build_and_test_output_shrink_substantially(string name, double minimumReduction)
    {
        var result = OutputCompressor.Compress(Get(name).Text, Options);
        result.Changed.Should().BeTrue();
        result.Reduction.Should().BeGreaterThanOrEqualTo(minimumReduction);
    }

    [Fact]
    public void Output_stays_within_budget_when_important_lines_fit()
    {
        var sample = SampleOutputs.NoisyBuildLog(200 * 1024, 4);
        var result = OutputCompressor.Compress(sample.Text, Options with { BudgetBytes = 8192 });
        result.OutputBytes.Should().BeLessThanOrEqualTo(8192);
    }

    [Fact]
    public void Important_lines_are_kept_even_when_they_alone_exceed_the_budget()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"src/F{i}.cs({i},1): error CS0001: broken thing number {i}").ToList();
        var text = string.Join('\n', lines.SelectMany((l, i) => new[] { l, $"noise {i} xyzzy plugh" }));
        var result = OutputCompressor.Compress(text, Options with { BudgetBytes = 1024, PassThroughBytes = 100 });
        foreach (var l in lines) result.Text.Should().Contain(l);
        result.OutputBytes.Should().BeGreaterThan(1024);
    }

    [Fact]
    public void Small_outputs_pass_through_untouched()
    {
        const string text = "\u001b[32mok\u001b[0m\r\nline\n\n\n\nend";
        var result = OutputCompressor.Compress(text);
        result.Changed.Should().BeFalse();
        result.Text.Should().BeSameAs(text);
    }

    [Fact]
    public void Elision_marker_names_the_full_output_path_and_counts_lines()
    {
        var sample = SampleOutputs.ServiceLog(5000);
        var result = OutputCompressor.Compress(sample.Text, Options with { NearRepeatMinRun = int.MaxValue });
        result.Text.Should().MatchRegex(@"\[… \d+ lines elided — full output: \.claude/dm/raw/x\.log\]");
        result.ElidedLines.Should().BeGreaterThan(4000);
    }

    [Fact]
    public void Random_mixtures_of_samples_keep_every_important_line_and_are_idempotent()
    {
        var all = SampleOutputs.All();
        var rng = new Random(1234);
        for (int round = 0; round < 20; round++)
        {
            var parts = Enumerable.Range(0, 3).Select(_ => all[rng.Next(all.Count)]).ToList();
            var text = string.Join("\n", parts.Select(p => p.Text));
            var options = Options with { BudgetBytes = rng.Next(2048, 16384), HeadLines = rng.Next(5, 40), TailLines = rng.Next(5, 40) };
            var once = OutputCompressor.Compress(text, options);
            OutputCompressor.Compress(once.Text, options).Text.Should().Be(once.Text, $"round {round} must be idempotent");
            var outLines = once.Text.Split('\n');
            foreach (var must in parts.SelectMany(p => p.MustSurvive))
                outLines.Should().Contain(l => l == must || l.StartsWith(must + "  [×", StringComparison.Ordinal), $"round {round} must keep '{must}'");
        }
    }

    [Fact]
    public void Every_line_classified_important_in_the_input_survives()
    {
        foreach (var sample in SampleOutputs.All())
        {
            var clean = AnsiStripper.Strip(sample.Text).Split('\n').Select(CarriageReturnCollapser.FinalState)
                .Where(l => l.Length <= 1024 && ImportantLineClassifier.IsImportant(l) && !PassingTestCollapser.IsPassingTestLine(l)).Distinct().ToList();
            var output = OutputCompressor.Compress(sample.Text, Options).Text.Split('\n');
            foreach (var line in clean)
                output.Should().Contain(l => l == line || l.StartsWith(line + "  [×", StringComparison.Ordinal), $"{sample.Name}: '{line}'");
        }
    }

    [Fact]
    public void A_50_MB_output_is_compressed_in_linear_time_to_a_small_result()
    {
        var block = SampleOutputs.ServiceLog(5000).Text;
        var sb = new System.Text.StringBuilder(52 * 1024 * 1024);
        while (sb.Length < 50 * 1024 * 1024) sb.Append(block);
        var result = OutputCompressor.Compress(sb.ToString(), Options);
        // 250 copies of the log hold 5,000 important lines (errors + frames): all kept, the rest elided.
        result.OutputBytes.Should().BeLessThan(result.InputBytes / 100);
        result.Text.Should().Contain("Unhandled exception");
    }
}
