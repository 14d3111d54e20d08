using System.Text.RegularExpressions;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class RawOutputStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-raw");
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 7, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void File_name_holds_utc_time_tool_and_content_hash()
    {
        var store = new RawOutputStore(_dir.Combine("raw"));

        var path = store.PlanPath(T0, "mcp__distributed-model__summarize", ContentHash.Of("hello"));

        Path.GetFileName(path).Should().MatchRegex(@"^20261123T070000\.123Z-mcp__distributed-model__summarize-[0-9a-f]{12}\.txt$");
    }

    [Fact]
    public void Tool_names_with_path_characters_cannot_escape_the_directory()
    {
        var store = new RawOutputStore(_dir.Combine("raw"));

        var path = store.PlanPath(T0, "../../etc/passwd", "abcdef012345");

        Path.GetDirectoryName(path).Should().Be(store.Directory);
        Path.GetFileName(path).Should().NotContain("/");
    }

    [Fact]
    public void A_repeated_output_gets_a_file_of_its_own_so_the_next_calls_retention_keeps_what_its_marker_names()
    {
        // Issue 26 item 11: the marker of a repeat named the first file, the oldest one, which the next call deleted.
        var store = new RawOutputStore(_dir.Combine("raw"), maxFiles: 2);
        var hash = ContentHash.Of("same text");
        var first = store.PlanPath(T0, "Bash", hash);
        store.Save(first, "same text");
        store.ApplyRetention(first);
        var other = store.PlanPath(T0.AddMinutes(1), "Bash", ContentHash.Of("other"));
        store.Save(other, "other");
        store.ApplyRetention(other);

        var repeat = store.PlanPath(T0.AddMinutes(5), "Bash", hash);
        store.Save(repeat, "same text");
        store.ApplyRetention(repeat);
        var next = store.PlanPath(T0.AddMinutes(6), "Bash", ContentHash.Of("next"));
        store.Save(next, "next");
        store.ApplyRetention(next);

        repeat.Should().NotBe(first);
        File.ReadAllText(repeat).Should().Be("same text", "the file the repeat's marker names survives the next call");
        File.Exists(first).Should().BeFalse();
    }

    [Fact]
    public void A_store_inside_a_project_refuses_a_committed_link_in_place_of_its_folder_and_writes_nothing_through_it()
    {
        var outside = Directory.CreateDirectory(_dir.Combine("outside")).FullName;
        var project = Directory.CreateDirectory(_dir.Combine("project")).FullName;
        Directory.CreateDirectory(Path.Combine(project, ".claude"));
        Directory.CreateSymbolicLink(Path.Combine(project, ".claude", "dm"), outside);
        var store = new RawOutputStore(new DistributedModel.Core.Workspace.WorkspacePaths(project));
        var path = store.PlanPath(T0, "Bash", ContentHash.Of("secret"));

        var act = () => store.Save(path, "secret");

        act.Should().Throw<DistributedModel.Core.Workspace.UnsafeWorkspacePathException>().WithMessage("*symbolic link*");
        Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void Retention_keeps_only_the_newest_files_by_count()
    {
        var store = new RawOutputStore(_dir.Combine("raw"), maxFiles: 5);
        var saved = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            var text = "output " + i;
            var p = store.PlanPath(T0.AddSeconds(i), "Bash", ContentHash.Of(text));
            store.Save(p, text);
            store.ApplyRetention(p);
            saved.Add(p);
        }

        Directory.GetFiles(store.Directory).Order().Should().Equal(saved.TakeLast(5).Order());
    }

    [Fact]
    public void Retention_keeps_total_bytes_under_the_cap_and_never_deletes_the_file_just_written()
    {
        var store = new RawOutputStore(_dir.Combine("raw"), maxFiles: 100, maxTotalBytes: 25_000);
        string last = "";
        for (int i = 0; i < 6; i++)
        {
            var text = new string((char)('a' + i), 10_000);
            last = store.PlanPath(T0.AddSeconds(i), "Bash", ContentHash.Of(text));
            store.Save(last, text);
            store.ApplyRetention(last);
        }

        var files = Directory.GetFiles(store.Directory);
        files.Sum(f => new FileInfo(f).Length).Should().BeLessThanOrEqualTo(25_000);
        files.Should().HaveCount(2).And.Contain(last);

        var huge = new string('z', 40_000);
        var hugePath = store.PlanPath(T0.AddSeconds(10), "Bash", ContentHash.Of(huge));
        store.Save(hugePath, huge);
        store.ApplyRetention(hugePath);
        Directory.GetFiles(store.Directory).Should().Equal(hugePath);
    }

    [Fact]
    public void Retention_never_deletes_any_file_the_current_call_names()
    {
        // One hook call can shorten several leaves (an MCP response with many text blocks): each header names its file.
        var store = new RawOutputStore(_dir.Combine("raw"), maxFiles: 2);
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 4; i++)
        {
            var text = "leaf " + i;
            var p = store.PlanPath(T0.AddSeconds(i), "mcp__x__y", ContentHash.Of(text));
            store.Save(p, text);
            named.Add(p);
        }

        store.ApplyRetention(named);

        Directory.GetFiles(store.Directory).Order().Should().Equal(named.Order());
    }

    [Fact]
    public void Save_alone_deletes_nothing()
    {
        var store = new RawOutputStore(_dir.Combine("raw"), maxFiles: 1);
        for (int i = 0; i < 3; i++) store.Save(store.PlanPath(T0.AddSeconds(i), "Bash", ContentHash.Of("x" + i)), "x" + i);

        Directory.GetFiles(store.Directory).Should().HaveCount(3);
    }

    [Fact]
    public void Saving_into_an_unwritable_location_throws_so_the_hook_can_fail_open()
    {
        var blocker = _dir.Write("dm", "a file where the directory should be");
        var store = new RawOutputStore(Path.Combine(blocker, "raw"));
        var path = store.PlanPath(T0, "Bash", "abcdef012345");

        var act = () => store.Save(path, "text");

        act.Should().Throw<IOException>();
    }

    [Fact]
    public void Files_are_written_whole_without_temp_leftovers()
    {
        var store = new RawOutputStore(_dir.Combine("raw"));
        var text = string.Concat(Enumerable.Repeat("line é ✓\n", 1000));
        var path = store.PlanPath(T0, "Bash", ContentHash.Of(text));

        store.Save(path, text);

        File.ReadAllText(path).Should().Be(text);
        Directory.GetFiles(store.Directory).Should().NotContain(f => Regex.IsMatch(f, @"\.tmp$"));
    }

    public void Dispose() => _dir.Dispose();
}
