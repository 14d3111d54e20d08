using System.Globalization;
using System.Text;
using DistributedModel.Compression;
using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Files;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using ModelContextProtocol;
using DistributedModel.Core.Lanes;

namespace DistributedModel.Mcp.Summarize;

/// <summary>
/// Reads workspace files, compresses them deterministically, numbers the kept lines, and has the summarize lane digest the
/// result (map-reduce when it exceeds the window). The answer starts with deterministic per-file facts (path, size, lines,
/// error/warning counts) and stays within <see cref="McpOptions.DigestMaxBytes"/>.
/// </summary>
internal sealed class SummarizeService(ILaneClient lanes, WorkspaceFiles files, McpOptions options)
{
    public async Task<string> SummarizeAsync(IReadOnlyList<string> paths, string? question, ToolContext context)
    {
        InputLimits.CheckPaths("paths", paths);
        InputLimits.Check("question", question, InputLimits.MaxQuestionChars);
        var resolved = files.Resolve(paths, options.MaxFiles, context.Token);
        context.Report($"reading {resolved.Count} file(s)");
        var (sections, skipped) = await ReadAsync(resolved, context.Token).ConfigureAwait(false);
        if (sections.Count == 0) throw new McpException("nothing to summarize: " + string.Join("; ", skipped));

        var header = Header(sections, skipped);
        var budget = options.DigestMaxBytes - Encoding.UTF8.GetByteCount(header) - 64;
        if (budget < 512) throw new McpException($"too many files for one digest of {options.DigestMaxBytes} bytes; summarize fewer at a time");

        var chunks = DigestChunker.Split(sections, options.SummarizeWindowChars);
        if (chunks.Count > InputLimits.MaxSummarizeParts)
            throw new McpException($"the input needs {chunks.Count} model calls at the {options.SummarizeWindowChars:N0}-char window; one summarize "
                + $"makes at most {InputLimits.MaxSummarizeParts}: summarize fewer files at a time, or ask a narrower question per file");
        var system = SummarizePrompts.System(budget * 9 / 10, question);
        var run = new DigestRun();
        var (digest, notes) = chunks.Count == 1
            ? (await CompleteAsync(system, SummarizePrompts.Single(chunks[0].Text), context, "digesting", run, () => chunks[0].Text).ConfigureAwait(false), "")
            : await MapReduceAsync(system, chunks, context, run).ConfigureAwait(false);

        var body = notes + digest.Trim();
        if (run.DegradedReason is { } why)
            body = $"[no model answered: deterministic digest (the compressor's kept lines, numbered); set GEMINI_API_KEY, DEEPSEEK_API_KEY or OLLAMA_HOST for a model's summary. Why: {Shorten(why, 300)}]\n" + body;
        return header + Fit(body, options.DigestMaxBytes - Encoding.UTF8.GetByteCount(header));
    }

    private async Task<(List<DigestSection>, List<string>)> ReadAsync(IReadOnlyList<WorkspaceFile> resolved, CancellationToken ct)
    {
        var sections = new List<DigestSection>();
        var skipped = new List<string>();
        long total = 0;
        foreach (var f in resolved)
        {
            using var stream = files.OpenRead(f);
            var length = stream.Length;
            if (length > options.MaxFileBytes)
            {
                skipped.Add($"{f.RelativePath} not read: {length:N0} bytes, over the {options.MaxFileBytes:N0}-byte file limit (mcp.maxFileBytes)");
                continue;
            }
            if (total + length > options.MaxInputBytes)
            {
                skipped.Add($"{f.RelativePath} not read: over the {options.MaxInputBytes:N0}-byte input limit (mcp.summarize.maxInputBytes)");
                continue;
            }
            total += length;
            var bytes = new byte[length];
            await stream.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
            {
                skipped.Add($"{f.RelativePath} skipped: binary");
                continue;
            }
            var text = Encoding.UTF8.GetString(bytes);
            var compressed = OutputCompressor.Compress(text,
                new CompressionOptions { BudgetBytes = options.SummarizeCompressBudgetBytes, FullOutputPath = f.RelativePath });
            sections.Add(new DigestSection(f.RelativePath, bytes.LongLength, LogStats.Count(text),
                LineNumberAnnotator.Annotate(text, compressed.Text)));
        }
        return (sections, skipped);
    }

    private async Task<(string Digest, string Notes)> MapReduceAsync(string system, IReadOnlyList<DigestChunk> chunks, ToolContext context, DigestRun run)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, options.MapConcurrency));
        var done = 0;
        var tasks = chunks.Select(async chunk =>
        {
            await gate.WaitAsync(context.Token).ConfigureAwait(false);
            try
            {
                var text = await CompleteAsync(system, SummarizePrompts.Map(chunk, chunks.Count, chunk.Text), context, null, run, () => chunk.Text).ConfigureAwait(false);
                context.Report($"digested part {Interlocked.Increment(ref done)} of {chunks.Count}");
                return (chunk, text, error: (string?)null);
            }
            catch (ProviderException ex)
            {
                context.Report($"part {chunk.Number} of {chunks.Count} failed");
                return (chunk, text: "", error: ex.Message);
            }
            finally { gate.Release(); }
        }).ToList();
        context.Report($"digesting {chunks.Count} parts (input over the {options.SummarizeWindowChars:N0}-char window)");
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);

        var failed = results.Where(r => r.error is not null).ToList();
        if (failed.Count == results.Length)
            throw new McpException($"summarize failed: every part failed; first error: {failed[0].error}");
        var notes = new StringBuilder();
        foreach (var f in failed)
            notes.Append(CultureInfo.InvariantCulture, $"[part {f.chunk.Number}/{chunks.Count} not digested ({f.chunk.Span}): {Shorten(f.error!, 200)} — read those lines from the raw file]\n");

        var partials = results.Where(r => r.error is null).Select(r => $"--- part {r.chunk.Number} ({r.chunk.Span}) ---\n{r.text.Trim()}").ToList();
        while (partials.Sum(p => p.Length) > options.SummarizeWindowChars && partials.Count > 1)
        {
            var groups = new List<List<string>> { new() };
            foreach (var p in partials)
            {
                if (groups[^1].Sum(x => x.Length) + p.Length > options.SummarizeWindowChars && groups[^1].Count > 0) groups.Add([]);
                groups[^1].Add(p);
            }
            if (groups.Count == partials.Count) break; // each partial alone fills the window: reduce what fits below
            var merged = new List<string>();
            foreach (var g in groups)
                merged.Add(g.Count == 1 ? g[0] : await CompleteAsync(system, SummarizePrompts.Reduce(g), context, "merging part digests", run, () => string.Join("\n", g)).ConfigureAwait(false));
            partials = merged;
        }
        try
        {
            var final = partials.Count == 1 && failed.Count == 0 && results.Length == 1
                ? partials[0]
                : await CompleteAsync(system, SummarizePrompts.Reduce(partials), context, "merging part digests", run, () => string.Join("\n", partials)).ConfigureAwait(false);
            return (final, notes.ToString());
        }
        catch (ProviderException ex)
        {
            notes.Append(CultureInfo.InvariantCulture, $"[merge step failed ({Shorten(ex.Message, 200)}); part digests follow unmerged]\n");
            return (string.Join("\n", partials), notes.ToString());
        }
    }

    /// <summary>
    /// One summarize-lane call. When no provider answers, the lane returns <paramref name="deterministic"/> (the
    /// compressor's text for this part) instead of failing, and <paramref name="run"/> remembers why.
    /// </summary>
    private async Task<string> CompleteAsync(string system, string user, ToolContext context, string? stage, DigestRun run, Func<string> deterministic)
    {
        if (stage is not null) context.Report(stage);
        var response = await lanes.CompleteAsync(new LaneRequest(LaneNames.Summarize, system, user) { MaxOutputTokens = 2048, DeterministicFallback = deterministic },
            context.Token).ConfigureAwait(false);
        if (response.Degraded)
        {
            run.DegradedReason ??= response.DegradedReason ?? "no provider answered";
            return response.Text;
        }
        if (string.IsNullOrWhiteSpace(response.Text))
            throw new ProviderException(response.Provider, "empty_response", $"{response.Provider} returned an empty digest");
        return response.Text;
    }

    private static string Header(List<DigestSection> sections, List<string> skipped)
    {
        var sb = new StringBuilder();
        foreach (var s in sections)
            sb.Append(CultureInfo.InvariantCulture,
                $"{s.RelativePath}: {s.Bytes:N0} B, {s.Stats.Lines:N0} lines, {s.Stats.Errors} error lines, {s.Stats.Warnings} warning lines (raw: {s.RelativePath})\n");
        foreach (var s in skipped) sb.Append(s).Append('\n');
        return sb.Append('\n').ToString();
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxBytes"/> UTF-8 bytes at a line boundary, with a marker.</summary>
    internal static string Fit(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        const string marker = "\n[… digest cut to fit the size limit]";
        var keep = maxBytes - Encoding.UTF8.GetByteCount(marker);
        var sb = new StringBuilder();
        var used = 0;
        foreach (var line in text.Split('\n'))
        {
            var n = Encoding.UTF8.GetByteCount(line) + 1;
            if (used + n > keep) break;
            sb.Append(line).Append('\n');
            used += n;
        }
        return sb.ToString().TrimEnd('\n') + marker;
    }

    /// <summary>Per call: set when some part was answered by the deterministic digest instead of a model.</summary>
    private sealed class DigestRun
    {
        public string? DegradedReason { get; set; }
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
