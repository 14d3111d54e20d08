using System.Globalization;
using System.Text;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;

namespace DistributedModel.Mcp.Decisions;

/// <summary>Keeps an unusable model answer on disk (<c>.claude/dm/raw/</c>) so nothing is lost when a tool refuses it.</summary>
internal static class MalformedAnswerStore
{
    public static string Save(WorkspacePaths paths, TimeProvider time, string tool, string text)
    {
        var name = $"{tool}-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}.txt";
        if (text.Length > InputLimits.MaxSavedAnswerChars)
            text = string.Concat(text.AsSpan(0, InputLimits.MaxSavedAnswerChars),
                $"\n[… cut: the answer was {text.Length:N0} characters; kept the first {InputLimits.MaxSavedAnswerChars:N0}]\n");
        var path = paths.PrepareWrite(Path.Combine(paths.RawDir, name));
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        return ".claude/dm/raw/" + name;
    }
}
