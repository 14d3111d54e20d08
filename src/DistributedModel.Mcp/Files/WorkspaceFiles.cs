using DistributedModel.Core.Workspace;
using Microsoft.Extensions.FileSystemGlobbing;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Files;

/// <summary>
/// Turns the paths and globs a tool was given into files inside the workspace, refusing anything that could leave it:
/// <c>..</c> segments, absolute paths elsewhere, and symbolic links (file or directory) that resolve outside.
/// Violations throw <see cref="McpException"/> with a message the orchestrator can act on.
/// </summary>
internal sealed class WorkspaceFiles
{
    private static readonly char[] GlobChars = ['*', '?', '[', '{'];

    public WorkspaceFiles(WorkspacePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Root = paths.Root;
        Confinement = new WorkspaceConfinement(WorkspaceConfinement.Real(paths.Root) ?? paths.Root);
    }

    public string Root { get; }

    public WorkspaceConfinement Confinement { get; }

    private string RealRoot => Confinement.RealRoot;

    /// <summary>Opens <paramref name="file"/> for reading, its real path checked again right before the open.</summary>
    public FileStream OpenRead(WorkspaceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Confinement.OpenRead(file.FullPath, file.RelativePath);
    }

    /// <summary>Files matched by <paramref name="patterns"/> (workspace-relative or absolute inside the workspace; globs allowed), sorted, distinct.</summary>
    public IReadOnlyList<WorkspaceFile> Resolve(IReadOnlyList<string>? patterns, int maxFiles, CancellationToken ct = default)
    {
        if (patterns is null || patterns.Count == 0) throw new McpException("no paths given");
        var found = new SortedDictionary<string, WorkspaceFile>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var relative = ToRelative(pattern);
            if (relative.IndexOfAny(GlobChars) >= 0)
            {
                // The literal directories before the first wildcard are followed like any path (and confined by their real
                // path); from there on the walk does not descend into directory links (no loops).
                var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
                var literal = segments.TakeWhile(seg => seg.IndexOfAny(GlobChars) < 0).Count();
                literal = Math.Min(literal, segments.Length - 1);
                var baseDir = Path.GetFullPath(Path.Combine([Root, .. segments[..literal]]));
                var matches = new List<string>();
                if (Directory.Exists(baseDir))
                {
                    var realBase = Confinement.RequireInside(baseDir, pattern);
                    var matcher = new Matcher(StringComparison.Ordinal);
                    matcher.AddInclude(string.Join('/', segments[literal..]));
                    var walk = new LinkFreeDirectory(new DirectoryInfo(realBase), null, new LinkFreeDirectory.WalkBudget(pattern, ct));
                    matches.AddRange(matcher.Execute(walk).Files.Select(m => Path.GetFullPath(Path.Combine(baseDir, m.Path))));
                }
                if (matches.Count == 0) throw new McpException($"'{pattern}' matched no files in the workspace");
                foreach (var m in matches) Add(found, m, pattern);
            }
            else
            {
                var full = Path.GetFullPath(Path.Combine(Root, relative));
                if (Directory.Exists(full))
                    throw new McpException($"'{pattern}' is a directory; give files or a glob such as '{relative.TrimEnd('/')}/**/*.log'");
                if (!File.Exists(full)) throw new McpException($"'{pattern}' does not exist in the workspace");
                Add(found, full, pattern);
            }
            if (found.Count > maxFiles)
                throw new McpException($"the paths match more than {maxFiles} files; narrow the globs (limit: mcp.maxFiles)");
        }
        return [.. found.Values];
    }

    /// <summary>Where a new file named <paramref name="relativePath"/> under <paramref name="directory"/> goes; throws if that leaves the workspace.</summary>
    public WorkspaceFile ConfineNew(string directory, string relativePath)
    {
        var dir = ToRelative(string.IsNullOrWhiteSpace(directory) ? "." : directory);
        if (string.IsNullOrWhiteSpace(relativePath)) throw new McpException("a file path is empty");
        var normalized = relativePath.Replace('\\', '/');
        if (Path.IsPathRooted(normalized)) throw new McpException($"'{relativePath}' is absolute; file paths must be relative to '{dir}'");
        CheckSegments(normalized, relativePath);
        var full = Path.GetFullPath(Path.Combine(Root, dir, normalized));
        if (!Confinement.IsInside(Confinement.RealForNew(full, relativePath)))
            throw new McpException($"'{relativePath}' would be written outside the workspace (through a symbolic link)");
        return new WorkspaceFile(full, ToDisplay(full));
    }

    /// <summary>Throws unless <paramref name="directory"/> (workspace-relative) really lies inside the workspace, links resolved.</summary>
    public void ConfineDirectory(string directory)
    {
        var dir = ToRelative(string.IsNullOrWhiteSpace(directory) ? "." : directory);
        Confinement.RealForNew(Path.GetFullPath(Path.Combine(Root, dir)), directory);
    }

    private void Add(SortedDictionary<string, WorkspaceFile> found, string full, string pattern)
    {
        var real = WorkspaceConfinement.Real(full);
        if (real is null) return;
        if (!Confinement.IsInside(real))
            throw new McpException($"'{pattern}' leads outside the workspace through a symbolic link ({ToDisplay(full)})");
        if (!File.Exists(real)) return;
        found.TryAdd(full, new WorkspaceFile(full, ToDisplay(full)));
    }

    private string ToRelative(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new McpException("a path is empty");
        if (pattern.Contains('\0', StringComparison.Ordinal)) throw new McpException("a path contains a NUL character");
        var p = pattern.Trim().Replace('\\', '/');
        if (p.StartsWith('~')) throw new McpException($"'{pattern}' is outside the workspace {Root}; paths are relative to it");
        if (Path.IsPathRooted(p))
        {
            var full = Path.GetFullPath(p);
            if (!IsInside(full, Root) && !IsInside(full, RealRoot))
                throw new McpException($"'{pattern}' is outside the workspace {Root}; paths are relative to it");
            p = Path.GetRelativePath(IsInside(full, Root) ? Root : RealRoot, full).Replace('\\', '/');
        }
        CheckSegments(p, pattern);
        return p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
    }

    private static void CheckSegments(string normalized, string original)
    {
        if (normalized.Split('/').Any(s => s == ".."))
            throw new McpException($"'{original}' contains '..'; paths must stay inside the workspace");
    }

    private string ToDisplay(string full) => Path.GetRelativePath(Root, full).Replace('\\', '/');

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
}
