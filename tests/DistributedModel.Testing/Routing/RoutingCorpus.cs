namespace DistributedModel.Testing.Routing;

/// <summary>One labelled prompt: the lane it belongs to (<see cref="RoutingCorpus.None"/> for neutral prompts) and the
/// files (relative path → size in bytes) the workspace holds when it is typed.</summary>
public sealed record LabelledPrompt(string Lane, string Prompt, IReadOnlyList<(string Path, long Bytes)> Files, int Line);

/// <summary>
/// The labelled routing corpus in <c>tests/DistributedModel.Testing/Routing/corpus/</c>: <c>tuning.tsv</c> (the rules are
/// tuned on it) and <c>holdout.tsv</c> (every fifth prompt of each lane, never tuned on). Format in the files' headers.
/// </summary>
public static class RoutingCorpus
{
    public const string None = "none";

    public static readonly IReadOnlyList<string> Lanes = ["summarize", "scaffold", "consult", "tribunal", "dispatch"];

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "DistributedModel.Testing", "Routing", "corpus");

    public static IReadOnlyList<LabelledPrompt> Tuning() => Load("tuning.tsv");

    public static IReadOnlyList<LabelledPrompt> Holdout() => Load("holdout.tsv");

    public static IReadOnlyList<LabelledPrompt> Load(string fileName)
    {
        var list = new List<LabelledPrompt>();
        var lines = File.ReadAllLines(Path.Combine(Directory, fileName));
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length != 3) throw new FormatException($"{fileName}:{i + 1}: expected 3 tab-separated columns, got {cols.Length}");
            if (cols[0] != None && !Lanes.Contains(cols[0])) throw new FormatException($"{fileName}:{i + 1}: unknown lane {cols[0]}");
            var files = cols[2].Length == 0 ? [] : cols[2].Split(',').Select(f =>
            {
                int eq = f.LastIndexOf('=');
                if (eq <= 0 || !long.TryParse(f[(eq + 1)..], out var bytes) || Path.IsPathRooted(f[..eq]) || f.Contains(".."))
                    throw new FormatException($"{fileName}:{i + 1}: bad file entry {f}");
                return (f[..eq], bytes);
            }).ToList();
            list.Add(new LabelledPrompt(cols[0], cols[1], files, i + 1));
        }
        return list;
    }

    /// <summary>
    /// Creates each prompt's workspace under <paramref name="root"/> (one directory per prompt, files of the stated size,
    /// sparse: routing only looks at names and sizes) and returns the workspace directory of each prompt.
    /// </summary>
    public static IReadOnlyList<string> Materialize(IReadOnlyList<LabelledPrompt> prompts, string root)
    {
        var dirs = new List<string>(prompts.Count);
        for (int i = 0; i < prompts.Count; i++)
        {
            var dir = Path.Combine(root, $"p{i:D3}");
            System.IO.Directory.CreateDirectory(dir);
            foreach (var (rel, bytes) in prompts[i].Files)
            {
                var full = Path.Combine(dir, rel);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                using var fs = new FileStream(full, FileMode.Create, FileAccess.Write);
                fs.SetLength(bytes);
            }
            dirs.Add(dir);
        }
        return dirs;
    }
}
