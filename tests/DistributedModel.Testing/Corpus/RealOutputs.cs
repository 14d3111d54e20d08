using System.IO.Compression;
using System.Text;

namespace DistributedModel.Testing.Corpus;

/// <summary>
/// Outputs of real programs (see <c>tests/DistributedModel.Testing/Corpus/SOURCES.md</c> for how each was produced):
/// a detailed MSBuild log, a failing xunit run, npm installs, git log --stat, grep -rn over a Go tree, a Python
/// traceback cascade, a failing cargo test, gcc diagnostics (with and without carets), grep -rn over C headers, and the
/// 16 public loghub service-log samples.
/// </summary>
public static class RealOutputs
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "DistributedModel.Testing", "Corpus");

    /// <summary>Names of every corpus item (file name without <c>.txt.gz</c>).</summary>
    public static IReadOnlyList<string> Names() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.txt.gz").Select(static f => Path.GetFileName(f)[..^".txt.gz".Length]).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> LoghubNames() => [.. Names().Where(static n => n.StartsWith("loghub-", StringComparison.Ordinal))];

    private static readonly Dictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The exact text of an item.</summary>
    public static string Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            using var gz = new GZipStream(File.OpenRead(Path.Combine(Directory, name + ".txt.gz")), CompressionMode.Decompress);
            using var reader = new StreamReader(gz, new UTF8Encoding(false));
            return Cache[name] = reader.ReadToEnd();
        }
    }
}
