using System.Globalization;
using System.Text;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;

namespace DistributedModel.Mcp.Decisions;

/// <summary>
/// Writes <c>audits/YYYY-MM-DD-&lt;slug&gt;.md</c> with the shared front matter (date, kind, verdict, providers) and returns its
/// workspace-relative path. Never overwrites: a second record on the same day and topic gets <c>-2</c>, <c>-3</c>, ….
/// When the record cannot be written (<c>audits/</c> is a link out of the project, or read-only) the answer is still
/// returned: the opinion was paid for. The path then reads <c>not written (why)</c>.
/// </summary>
internal sealed class DecisionRecordWriter(WorkspacePaths paths, TimeProvider time)
{
    public string Write(string kind, Verdict verdict, IEnumerable<string> providers, string title, string body)
    {
        var date = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        try
        {
            paths.PrepareWrite(Path.Combine(paths.AuditsDir, "record.md")); // audits/ as a real folder of the project, never a link out of it
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"not written ({ex.Message})";
        }
        var slug = Slug.From(title);
        var content = new StringBuilder()
            .Append("---\n")
            .Append("date: ").Append(date).Append('\n')
            .Append("kind: ").Append(kind).Append('\n')
            .Append("verdict: ").Append(verdict.ToString().ToUpperInvariant()).Append('\n')
            .Append("providers: ").Append(string.Join(",", providers)).Append('\n')
            .Append("---\n\n")
            .Append("# ").Append(title.Trim()).Append("\n\n")
            .Append(body.TrimEnd()).Append('\n')
            .ToString();
        content = Bounded(content);
        for (var n = 1; ; n++)
        {
            var name = $"{date}-{slug}{(n == 1 ? "" : "-" + n.ToString(CultureInfo.InvariantCulture))}.md";
            var path = Path.Combine(paths.AuditsDir, name);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(new UTF8Encoding(false).GetBytes(content));
                return "audits/" + name;
            }
            catch (IOException) when (File.Exists(path) && n < 1000) { }
        }
    }

    /// <summary>At most <see cref="InputLimits.MaxDecisionRecordBytes"/>, cut at a line with a marker.</summary>
    private static string Bounded(string content)
    {
        if (Encoding.UTF8.GetByteCount(content) <= InputLimits.MaxDecisionRecordBytes) return content;
        const string Marker = "\n[… record cut at the size limit of InputLimits.MaxDecisionRecordBytes]\n";
        var keep = content.Length;
        while (Encoding.UTF8.GetByteCount(content.AsSpan(0, keep)) > InputLimits.MaxDecisionRecordBytes - Marker.Length * 4) keep = keep * 9 / 10;
        var nl = content.LastIndexOf('\n', keep - 1);
        return content[..(nl > 0 ? nl : keep)] + Marker;
    }
}
