using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>A real git repository in a temp folder with one commit (README.md, src/calc.py), deleted on dispose.</summary>
public sealed class TempGitRepo : IDisposable
{
    private readonly TempDirectory _dir = new("dm-dispatch");

    private TempGitRepo() { }

    public string Root => _dir.Path;

    public static async Task<TempGitRepo> CreateAsync()
    {
        var repo = new TempGitRepo();
        await repo.GitAsync("init", "--quiet", "-b", "main");
        await repo.GitAsync("config", "user.email", "dev@example.test");
        await repo.GitAsync("config", "user.name", "Dev");
        await repo.GitAsync("config", "commit.gpgsign", "false");
        repo.Write("README.md", "# demo\n");
        repo.Write("src/calc.py", "def add(a, b):\n    return a - b\n");
        await repo.GitAsync("add", "-A");
        await repo.GitAsync("commit", "--quiet", "-m", "initial");
        return repo;
    }

    public string Write(string relative, string content) => _dir.Write(relative, content);

    public string Read(string relative) => File.ReadAllText(_dir.Combine(relative));

    /// <summary>Runs git in the repo (or <paramref name="dir"/>) and returns trimmed stdout; throws on failure.</summary>
    public async Task<string> GitAsync(params string[] args) => await GitInAsync(Root, args);

    public static async Task<string> GitInAsync(string dir, params string[] args)
    {
        var r = await ProcessRunner.RunAsync("git", args, dir, timeout: TimeSpan.FromSeconds(30));
        if (r.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {r}");
        return r.StdOut.Trim();
    }

    /// <summary>HEAD, branch, porcelain status and file contents of the user's checkout, for "untouched" assertions.</summary>
    public async Task<string> SnapshotAsync()
    {
        var head = await GitAsync("rev-parse", "HEAD");
        var branch = await GitAsync("symbolic-ref", "--short", "HEAD");
        // .claude/dm.json: written by the provider test host (configuration, not an effect of a dispatch).
        var status = await GitAsync("status", "--porcelain", "--untracked-files=all", "--", ".", ":(exclude).claude/dm.json");
        var files = string.Join("\n", Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}.claude{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(Root, f) + "=" + File.ReadAllText(f)));
        return $"{head}\n{branch}\n[{status}]\n{files}";
    }

    public void Dispose() => _dir.Dispose();
}
