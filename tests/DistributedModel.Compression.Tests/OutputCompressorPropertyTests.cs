using System.Text;
using DistributedModel.Compression;
using DistributedModel.Testing.Corpus;

namespace DistributedModel.Compression.Tests;

/// <summary>Properties over random, adversarial and real inputs: never over budget, idempotent, deterministic, never worse.</summary>
public class OutputCompressorPropertyTests
{
    private static readonly CompressionOptions Options = new() { FullOutputPath = ".claude/dm/raw/x.txt" };

    [Fact]
    public void No_input_produces_more_than_the_budget()
    {
        var rng = new Random(20261202);
        var real = RealOutputs.Names().Select(RealOutputs.Load).ToList();
        for (int round = 0; round < 120; round++)
        {
            var text = round switch
            {
                < 40 => Slice(real[rng.Next(real.Count)], rng),
                < 70 => Adversarial(rng),
                _ => RandomText(rng, rng.Next(1, 400_000)),
            };
            int budget = rng.Next(0, 4) == 0 ? rng.Next(0, 2048) : rng.Next(1024, 40_000);
            var options = Options with { BudgetBytes = budget, MaxLineChars = rng.Next(64, 4096), HeadLines = rng.Next(0, 50), TailLines = rng.Next(0, 50) };
            var result = OutputCompressor.Compress(text, options);
            int limit = Math.Max(budget, CompressionOptions.MinBudgetBytes);
            if (result.Changed)
                Encoding.UTF8.GetByteCount(result.Text).Should().BeLessThanOrEqualTo(limit, $"round {round}, budget {budget}");
            else
                Encoding.UTF8.GetByteCount(text).Should().BeLessThanOrEqualTo(Math.Max(limit, options.PassThroughBytes), $"round {round}: unchanged only when it fits");
            OutputCompressor.Compress(result.Text, options).Text.Should().Be(result.Text, $"round {round} must be idempotent");
        }
    }

    [Fact]
    public void Every_error_line_of_an_output_that_fits_with_its_errors_survives_verbatim()
    {
        var rng = new Random(7);
        var chatter = RealOutputs.Load("npm-install-silly").Split('\n');
        for (int round = 0; round < 30; round++)
        {
            var errors = Enumerable.Range(0, rng.Next(1, 12)).Select(i => $"src/Mod{round}/F{i}.cs({i + 1},{rng.Next(1, 80)}): error CS{1000 + rng.Next(8999)}: symbol '{Guid.NewGuid():N}' is broken").ToList();
            var lines = chatter.Take(rng.Next(500, chatter.Length)).ToList();
            foreach (var e in errors) lines.Insert(rng.Next(lines.Count), e);
            var result = OutputCompressor.Compress(string.Join('\n', lines), Options);
            foreach (var e in errors) result.Text.Split('\n').Should().Contain(e, $"round {round}");
        }
    }

    [Fact]
    public void Compression_is_deterministic()
    {
        var text = RealOutputs.Load("loghub-hdfs");
        OutputCompressor.Compress(text, Options).Should().BeEquivalentTo(OutputCompressor.Compress(text, Options));
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
    public void An_output_that_fits_once_its_escapes_are_gone_is_cleaned_and_nothing_is_elided()
    {
        var lines = Enumerable.Range(0, 200).Select(i => $"\u001b[32m✓\u001b[0m \u001b[2mtest {i}\u001b[22m passes").ToList();
        var result = OutputCompressor.Compress(string.Join('\n', lines), Options);
        result.Kind.Should().Be(CompressionKind.Cleaned);
        result.Text.Split('\n').Should().HaveCount(200).And.Contain("✓ test 199 passes");
    }

    [Fact]
    public void Never_worse_an_output_within_budget_without_escapes_stays_exactly_as_it_is()
    {
        var text = string.Join('\n', RealOutputs.Load("git-log-stat").Split('\n').Take(120));
        text.Length.Should().BeInRange(3000, 8000);
        var result = OutputCompressor.Compress(text, Options);
        result.Changed.Should().BeFalse();
        result.Text.Should().BeSameAs(text);
    }

    [Fact]
    public void An_input_dressed_as_our_digest_is_still_held_to_the_budget()
    {
        // issue 11 item 14: text that imitates our markers must not switch the budget off.
        var fake = "[dm: 1 KB, 1 lines → 1 KB · full output: /nowhere]\n" + RealOutputs.Load("loghub-linux");
        var result = OutputCompressor.Compress(fake, Options);
        result.OutputBytes.Should().BeLessThanOrEqualTo(8192);
        result.Text.Should().StartWith("[dm: ").And.Contain("full output: .claude/dm/raw/x.txt");
    }

    [Fact]
    public void A_hard_cut_names_the_digest_hint_and_a_light_one_does_not()
    {
        var options = Options with { DigestHint = "to digest it: mcp__distributed-model__summarize with paths [\".claude/dm/raw/x.txt\"]" };
        OutputCompressor.Compress(RealOutputs.Load("loghub-hdfs"), options).Text.Split('\n')[0].Should().Contain("mcp__distributed-model__summarize");
        var light = string.Join('\n', RealOutputs.Load("loghub-hdfs").Split('\n').Take(100));
        OutputCompressor.Compress(light, options).Text.Should().NotContain("summarize");
    }

    [Fact]
    public void A_50_MB_output_is_compressed_to_the_budget()
    {
        var block = RealOutputs.Load("loghub-openssh");
        var sb = new StringBuilder(52 * 1024 * 1024);
        while (sb.Length < 50 * 1024 * 1024) sb.Append(block);
        var result = OutputCompressor.Compress(sb.ToString(), Options);
        result.OutputBytes.Should().BeLessThanOrEqualTo(8192);
        result.Text.Should().Contain("lines elided");
    }

    private static string Slice(string text, Random rng)
    {
        int start = rng.Next(text.Length), length = rng.Next(text.Length - start + 1);
        return text.Substring(start, length);
    }

    /// <summary>Inputs built to break a budgeted renderer: one enormous line, thousands of distinct error lines, only
    /// markers, unterminated escapes, multi-byte text, lines made of newlines.</summary>
    private static string Adversarial(Random rng) => rng.Next(8) switch
    {
        0 => new string('x', rng.Next(10_000, 2_000_000)),
        1 => string.Join('\n', Enumerable.Range(0, rng.Next(100, 20_000)).Select(i => $"error E{i}: distinct failure {Guid.NewGuid()}")),
        2 => string.Join('\n', Enumerable.Range(0, rng.Next(100, 5000)).Select(i => i % 2 == 0 ? $"[… {i} lines elided]" : $"[×{i} like the line above, lines 1–{i}]")),
        3 => "\u001b]0;" + string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"\u001b[3{i % 8}mFATAL \u001b]8;;http://x\u001b\\ {i}")),
        4 => string.Concat(Enumerable.Repeat("ошибка: 失败 💥 error — ", rng.Next(1000, 50_000))),
        5 => new string('\n', rng.Next(3000, 100_000)),
        6 => string.Join('\n', Enumerable.Range(0, 4000).Select(i => $"./very/long/path/{new string('d', rng.Next(1, 600))}/file{i}.go:{i}:err := x")),
        _ => string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"Traceback (most recent call last):\n  File \"x{i}.py\", line {i}, in f\nKeyError{i}: 'k'")),
    };

    private static string RandomText(Random rng, int length)
    {
        const string alphabet = "abc ERROR warn failed 0123456789:/.()[]'\"\n\n\t\r\u001b→ß";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
        return new string(chars);
    }
}
