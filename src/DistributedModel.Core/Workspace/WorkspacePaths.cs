namespace DistributedModel.Core.Workspace;

/// <summary>
/// Where Distributed Model keeps its files inside a repository. One place, so the hooks,
/// the provider ledger, the MCP server and <c>dm report</c> agree.
/// </summary>
public sealed class WorkspacePaths
{
    public WorkspacePaths(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The repository root (Claude Code's project directory).</summary>
    public string Root { get; }

    /// <summary><c>.claude/</c></summary>
    public string ClaudeDir => Path.Combine(Root, ".claude");

    /// <summary><c>.claude/hooks.log</c>: one JSON line per hook call (see <see cref="Logging.HookLogRecord"/>).</summary>
    public string HooksLog => Path.Combine(ClaudeDir, "hooks.log");

    /// <summary><c>.claude/dm/</c>: everything else Distributed Model writes at run time.</summary>
    public string DmDir => Path.Combine(ClaudeDir, "dm");

    /// <summary><c>.claude/dm/raw/</c>: full raw tool outputs whenever the hook elided anything.</summary>
    public string RawDir => Path.Combine(DmDir, "raw");

    /// <summary><c>.claude/dm/ledger.jsonl</c>: one JSON line per provider call.</summary>
    public string Ledger => Path.Combine(DmDir, "ledger.jsonl");

    /// <summary><c>.claude/dm.json</c>: user configuration (lanes, models, budgets, routing rules).</summary>
    public string ConfigFile => Path.Combine(ClaudeDir, "dm.json");

    /// <summary><c>audits/</c>: dated decision records written by consult and tribunal.</summary>
    public string AuditsDir => Path.Combine(Root, "audits");

    /// <summary>
    /// Makes the folder of <paramref name="file"/> (a path under <see cref="Root"/>) exist as a real directory, with no
    /// symbolic link between the root and it (<see cref="ConfinedDirectory"/>), and returns <paramref name="file"/>.
    /// Every file Distributed Model writes inside a project goes through here; the file itself is then opened without
    /// following a link (<c>O_NOFOLLOW</c>, <c>CreateNew</c>, or a temporary file renamed over it).
    /// </summary>
    /// <exception cref="UnsafeWorkspacePathException">A component is a link or not a folder.</exception>
    public string PrepareWrite(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ConfinedDirectory.Ensure(Root, Path.GetDirectoryName(Path.GetFullPath(file))!);
        return file;
    }

    /// <summary>
    /// Resolves the project root for a hook or tool process: <c>CLAUDE_PROJECT_DIR</c> if set,
    /// else the <paramref name="cwd"/> Claude Code reported, else the current directory.
    /// </summary>
    public static WorkspacePaths Resolve(string? cwd = null)
    {
        var env = Environment.GetEnvironmentVariable("CLAUDE_PROJECT_DIR");
        if (!string.IsNullOrWhiteSpace(env)) return new WorkspacePaths(env);
        if (!string.IsNullOrWhiteSpace(cwd)) return new WorkspacePaths(cwd);
        return new WorkspacePaths(Directory.GetCurrentDirectory());
    }
}
