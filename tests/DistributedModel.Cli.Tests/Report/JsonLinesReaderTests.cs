using DistributedModel.Cli.Report;
using DistributedModel.Core.Json;
using DistributedModel.Testing;

namespace DistributedModel.Cli.Tests.Report;

public sealed class JsonLinesReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new("dm-jsonl");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Large_files_report_progress_in_ten_percent_steps()
    {
        var path = _temp.Write("big.log", string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"ts\":\"2026-11-23T00:00:00Z\",\"event\":\"PostToolUse\",\"outcome\":\"passthrough\",\"in\":{i}}}\n")));
        using var progress = new StringWriter();
        var stats = new ReadStats();

        var calls = JsonLinesReader.Read(path, e => e.Str("event"), stats, progress, progressThresholdBytes: 1024);

        calls.Should().HaveCount(2000);
        var lines = progress.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCountGreaterThanOrEqualTo(10).And.AllSatisfy(l => l.Should().StartWith("reading big.log… "));
        lines[^1].Should().EndWith("100%");
    }

    [Fact]
    public void Small_files_stay_quiet()
    {
        var path = _temp.Write("small.log", "{\"a\":1}\n");
        using var progress = new StringWriter();

        JsonLinesReader.Read(path, e => "x", new ReadStats(), progress).Should().HaveCount(1);

        progress.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Garbage_non_object_and_truncated_lines_are_counted_not_fatal()
    {
        var path = _temp.Write("mixed.log", "{\"a\":1}\n[1,2]\nnot json\n\n   \n{\"a\":2}\n{\"a\":");
        var stats = new ReadStats();

        var items = JsonLinesReader.Read(path, e => e.Long("a").ToString(System.Globalization.CultureInfo.InvariantCulture), stats);

        items.Should().Equal("1", "2");
        stats.Skipped.Should().Be(3);
    }

    [Fact]
    public void Ledger_costs_written_as_strings_are_read()
    {
        var path = _temp.Write("ledger.jsonl", "{\"ts\":\"2026-11-23T00:00:00Z\",\"provider\":\"gemini\",\"cost_usd\":\"0.125\",\"baseline_usd\":1.5}\n");

        var calls = LogReaders.ReadLedger(path, new ReadStats());

        calls.Single().Line.CostUsd.Should().Be(0.125m);
        calls.Single().Line.BaselineUsd.Should().Be(1.5m);
    }
}
