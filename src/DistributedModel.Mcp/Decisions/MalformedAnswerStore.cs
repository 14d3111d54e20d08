using System.Globalization;
using System.Text;
using DistributedModel.Core.Workspace;

namespace DistributedModel.Mcp.Decisions;

/// <summary>Keeps an unusable model answer on disk (<c>.claude/dm/raw/</c>) so nothing is lost when a tool refuses it.</summary>
internal static class MalformedAnswerStore
{
    public static string Save(WorkspacePaths paths, TimeProvider time, string tool, string text)
    {
        Directory.CreateDirectory(paths.RawDir);
        var name = $"{tool}-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}.txt";
        File.WriteAllText(Path.Combine(paths.RawDir, name), text, new UTF8Encoding(false));
        return ".claude/dm/raw/" + name;
    }
}
