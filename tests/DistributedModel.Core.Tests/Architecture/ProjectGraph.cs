using System.Xml.Linq;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Architecture;

/// <summary>
/// The project references of <c>src/</c> as MSBuild would follow them: each <c>.csproj</c>'s <c>ProjectReference</c>
/// items plus those of the <c>.props</c> files it imports (the hook executables get theirs from HookExecutable.props).
/// Read from the files, not from built assemblies, so a wrong reference fails before anything is compiled against it.
/// </summary>
internal sealed class ProjectGraph
{
    private readonly Dictionary<string, HashSet<string>> _direct = new(StringComparer.Ordinal);

    public ProjectGraph(string srcDir)
    {
        foreach (var csproj in Directory.EnumerateFiles(srcDir, "*.csproj", SearchOption.AllDirectories))
            _direct[Path.GetFileNameWithoutExtension(csproj)] = References(csproj, new HashSet<string>(StringComparer.Ordinal));
        Packages = Directory.EnumerateFiles(srcDir, "*.csproj", SearchOption.AllDirectories).ToDictionary(
            p => Path.GetFileNameWithoutExtension(p),
            p => (IReadOnlySet<string>)XDocument.Load(p).Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public static ProjectGraph OfRepository() => new(Path.Combine(RepoPaths.Root, "src"));

    public IReadOnlyCollection<string> Projects => _direct.Keys;

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Packages { get; }

    public IReadOnlySet<string> Direct(string project) => _direct[project];

    /// <summary>Every project <paramref name="project"/> depends on, directly or through another.</summary>
    public IReadOnlySet<string> Transitive(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>(_direct[project]);
        while (todo.Count > 0)
        {
            var next = todo.Pop();
            if (!seen.Add(next)) continue;
            foreach (var r in _direct.GetValueOrDefault(next) ?? []) todo.Push(r);
        }
        return seen;
    }

    private static HashSet<string> References(string file, HashSet<string> visited)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!visited.Add(Path.GetFullPath(file))) return found;
        var doc = XDocument.Load(file);
        var dir = Path.GetDirectoryName(file)!;
        foreach (var reference in doc.Descendants("ProjectReference"))
            found.Add(Path.GetFileNameWithoutExtension(Unix((string)reference.Attribute("Include")!)));
        foreach (var import in doc.Descendants("Import"))
        {
            var path = Path.Combine(dir, Unix((string)import.Attribute("Project")!));
            if (File.Exists(path)) found.UnionWith(References(path, visited));
        }
        return found;
    }

    // $(MSBuildThisFileDirectory) is the importing file's own folder here; backslashes are MSBuild's separators.
    private static string Unix(string msbuildPath) => msbuildPath.Replace("$(MSBuildThisFileDirectory)", "", StringComparison.Ordinal).Replace('\\', '/');
}
