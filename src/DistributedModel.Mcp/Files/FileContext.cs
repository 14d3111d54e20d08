using System.Text;
using DistributedModel.Mcp.Hosting;

namespace DistributedModel.Mcp.Files;

/// <summary>Reads referenced workspace files verbatim into a prompt block, cut to <see cref="McpOptions.ContextBudgetBytes"/>.</summary>
internal sealed class FileContext(WorkspaceFiles files, McpOptions options)
{
    public async Task<(string Block, IReadOnlyList<string> Names)> ReadAsync(IReadOnlyList<string>? paths, CancellationToken ct)
    {
        if (paths is null || paths.Count == 0) return ("", []);
        var resolved = files.Resolve(paths, options.MaxFiles, ct);
        var sb = new StringBuilder();
        var left = options.ContextBudgetBytes;
        foreach (var f in resolved)
        {
            string text;
            using (var stream = files.OpenRead(f))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
                text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            if (text.Contains('\0', StringComparison.Ordinal)) { sb.Append("=== ").Append(f.RelativePath).Append(" (binary, omitted) ===\n"); continue; }
            sb.Append("=== ").Append(f.RelativePath).Append(" ===\n");
            if (Encoding.UTF8.GetByteCount(text) <= left)
            {
                sb.Append(text).Append('\n');
                left -= Encoding.UTF8.GetByteCount(text);
            }
            else
            {
                var keep = Math.Max(0, Math.Min(text.Length, left));
                sb.Append(text.AsSpan(0, keep)).Append("\n[… cut: file context budget reached]\n");
                left = 0;
            }
        }
        return (sb.ToString(), [.. resolved.Select(r => r.RelativePath)]);
    }
}
