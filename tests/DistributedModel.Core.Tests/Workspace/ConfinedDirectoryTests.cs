using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Workspace;

/// <summary>
/// Issue 26 item 2: every folder dm writes into is a real folder of the project. A clone can hold symbolic links
/// (git commits them), so `.claude`, `.claude/dm`, `.claude/dm/raw` or `audits` may point anywhere.
/// </summary>
public sealed class ConfinedDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-confined");
    private string Project => Directory.CreateDirectory(_dir.Combine("project")).FullName;
    private string Outside => Directory.CreateDirectory(_dir.Combine("outside")).FullName;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Missing_folders_are_created_inside_the_project()
    {
        var paths = new WorkspacePaths(Project);

        paths.PrepareWrite(Path.Combine(paths.RawDir, "x.txt"));

        Directory.Exists(paths.RawDir).Should().BeTrue();
    }

    [Theory]
    [InlineData(".claude")]
    [InlineData(".claude/dm")]
    [InlineData(".claude/dm/raw")]
    public void A_link_anywhere_on_the_way_is_refused_and_nothing_is_created_at_its_target(string linked)
    {
        var project = Project;
        var outside = Outside;
        var link = Path.Combine(project, linked);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, outside);
        var paths = new WorkspacePaths(project);

        var act = () => paths.PrepareWrite(Path.Combine(paths.RawDir, "x.txt"));

        act.Should().Throw<UnsafeWorkspacePathException>().Which.Path.Should().Be(link);
        Directory.EnumerateFileSystemEntries(outside).Should().BeEmpty();
    }

    [Fact]
    public void A_dangling_link_is_refused_rather_than_created_through()
    {
        var project = Project;
        Directory.CreateSymbolicLink(Path.Combine(project, "audits"), _dir.Combine("not-yet"));
        var paths = new WorkspacePaths(project);

        var act = () => paths.PrepareWrite(Path.Combine(paths.AuditsDir, "r.md"));

        act.Should().Throw<UnsafeWorkspacePathException>().WithMessage("*symbolic link*");
        Directory.Exists(_dir.Combine("not-yet")).Should().BeFalse();
    }

    [Fact]
    public void A_file_where_a_folder_belongs_is_refused()
    {
        var project = Project;
        File.WriteAllText(Path.Combine(project, ".claude"), "not a folder");
        var paths = new WorkspacePaths(project);

        var act = () => paths.PrepareWrite(paths.HooksLog);

        act.Should().Throw<UnsafeWorkspacePathException>().WithMessage("*not a folder*");
    }

    [Fact]
    public void A_path_outside_the_project_is_refused()
    {
        var paths = new WorkspacePaths(Project);

        var act = () => paths.PrepareWrite(Path.Combine(paths.Root, "..", "outside", "x.txt"));

        act.Should().Throw<UnsafeWorkspacePathException>().WithMessage("*outside*");
    }

    [Fact]
    public void The_root_itself_may_be_reached_through_a_link_the_user_made()
    {
        var real = Project;
        var viaLink = _dir.Combine("link-to-project");
        Directory.CreateSymbolicLink(viaLink, real);
        var paths = new WorkspacePaths(viaLink);

        paths.PrepareWrite(paths.HooksLog);

        Directory.Exists(Path.Combine(real, ".claude")).Should().BeTrue();
    }
}
