using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Architecture;

/// <summary>
/// The project graph of issue 12: Core ← Compression ← Hooks ← the two hook executables; Core ← Providers ← Mcp;
/// Core ← Cli. The provider library, the MCP server and dm must not carry the hook runtime (its unsafe code, libc
/// P/Invoke, routing rules and compressor) — with one exception: <c>dm discover</c> replays the hook engine on past
/// sessions, so Cli references Hooks, and only its <c>Discover/</c> folder may use it.
/// </summary>
public sealed class ProjectGraphTests
{
    private const string Hooks = "DistributedModel.Hooks";
    private static readonly ProjectGraph Graph = ProjectGraph.OfRepository();

    [Fact]
    public void Core_depends_on_no_project_and_no_package()
    {
        Graph.Direct("DistributedModel.Core").Should().BeEmpty();
        Graph.Packages["DistributedModel.Core"].Should().BeEmpty();
    }

    [Theory]
    [InlineData("DistributedModel.Providers")]
    [InlineData("DistributedModel.Mcp")]
    public void Provider_library_and_MCP_server_do_not_reference_the_hook_runtime(string project)
    {
        Graph.Transitive(project).Should().NotContain(Hooks).And.Contain("DistributedModel.Core");
    }

    [Fact]
    public void Only_the_hook_executables_and_dm_reference_the_hook_runtime()
    {
        Graph.Projects.Where(p => Graph.Direct(p).Contains(Hooks)).Should().BeEquivalentTo(
            "DistributedModel.Hooks.PostToolUse", "DistributedModel.Hooks.UserPromptSubmit", "DistributedModel.Cli");
    }

    [Theory]
    [InlineData("DistributedModel.Hooks")]
    [InlineData("DistributedModel.Providers")]
    [InlineData("DistributedModel.Mcp")]
    [InlineData("DistributedModel.Cli")]
    [InlineData("DistributedModel.StatusLine")]
    public void Every_deployable_shares_Core(string project)
    {
        Graph.Direct(project).Should().Contain("DistributedModel.Core");
    }

    [Fact]
    public void The_status_line_references_only_Core()
    {
        // It runs after every message (p95 <= 20 ms): it reads Core's records and links nothing else.
        Graph.Transitive("DistributedModel.StatusLine").Should().BeEquivalentTo("DistributedModel.Core");
        Graph.Packages["DistributedModel.StatusLine"].Should().BeEmpty();
    }

    [Fact]
    public void Dm_uses_the_hook_runtime_only_to_replay_it_in_discover()
    {
        var cli = Path.Combine(RepoPaths.Root, "src", "DistributedModel.Cli");
        var outside = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(cli, f).Replace('\\', '/').StartsWith("Discover/", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(cli, f).Replace('\\', '/').StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("using DistributedModel.Hooks", StringComparison.Ordinal)
                                               || l.Contains("DistributedModel.Hooks.", StringComparison.Ordinal) && !l.Contains('"', StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(cli, f));
        outside.Should().BeEmpty("only dm discover replays the hooks; paths, wiring and records come from DistributedModel.Core");
    }

    [Fact]
    public void The_graph_reader_follows_imported_props()
    {
        // The hook executables name Hooks only in HookExecutable.props: if imports were not followed this graph would be wrong.
        Graph.Direct("DistributedModel.Hooks.PostToolUse").Should().Contain(Hooks);
        Graph.Transitive("DistributedModel.Hooks.PostToolUse").Should().Contain("DistributedModel.Core").And.Contain("DistributedModel.Compression");
    }
}
