using System.Globalization;
using System.Text;
using ModelContextProtocol;
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
            {
                var length = stream.Length;
                if (length > options.MaxFileBytes)
                    throw new McpException(string.Create(CultureInfo.InvariantCulture,
                        $"'{f.RelativePath}' is {length:N0} bytes, over the {options.MaxFileBytes:N0}-byte file limit (mcp.maxFileBytes); pass a smaller file or an excerpt"));
                // never more than the budget still open (plus a little, so the cut below can say so)
                var buffer = new byte[(int)Math.Min(length, Math.Max(0, left) + 4)];
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                text = Encoding.UTF8.GetString(buffer, 0, read);
            }
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
