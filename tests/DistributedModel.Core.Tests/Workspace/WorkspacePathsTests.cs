using DistributedModel.Core.Workspace;

namespace DistributedModel.Core.Tests.Workspace;

/// <summary>The one place the hooks, the ledger, the MCP server and dm report agree on where files live.</summary>
public sealed class WorkspacePathsTests
{
    [Fact]
    public void Every_file_lives_under_the_full_root_where_the_readers_look_for_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo", "sub", "..");
        var p = new WorkspacePaths(root);

        p.Root.Should().Be(Path.GetFullPath(root));
        p.HooksLog.Should().Be(Path.Combine(p.Root, ".claude", "hooks.log"));
        p.ConfigFile.Should().Be(Path.Combine(p.Root, ".claude", "dm.json"));
        p.RawDir.Should().Be(Path.Combine(p.Root, ".claude", "dm", "raw"));
        p.Ledger.Should().Be(Path.Combine(p.Root, ".claude", "dm", "ledger.jsonl"));
        p.AuditsDir.Should().Be(Path.Combine(p.Root, "audits"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_root_is_refused(string? root)
    {
        var act = () => new WorkspacePaths(root!);

        act.Should().Throw<ArgumentException>();
    }
}
