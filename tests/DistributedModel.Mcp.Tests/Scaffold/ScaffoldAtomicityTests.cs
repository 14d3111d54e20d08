namespace DistributedModel.Mcp.Tests.Scaffold;

/// <summary>
/// Issue 11.12, first half: scaffold is all or nothing. A path that fails while writing (after good ones) leaves the workspace
/// exactly as it was: no new file, no replaced file changed, no directory created, no temporary left. Real file system errors.
/// </summary>
public sealed class ScaffoldAtomicityTests
{
    private static string[] Tree(LaneServerHarness h) =>
        [.. Directory.GetFileSystemEntries(h.Workspace.Path, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(h.Workspace.Path, p)).Where(p => !p.StartsWith(".claude", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_path_blocked_by_an_existing_file_after_good_ones_leaves_nothing_written()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("Dtos", "a regular file where the answer wants a directory");
        var before = Tree(h);
        h.DeepSeek.Reply("""
            {"files":[{"path":"ok.cs","summary":"s","content":"good"},{"path":"gen/deep/Two.cs","summary":"s","content":"good"},
                      {"path":"Dtos/Order.cs","summary":"s","content":"blocked"}]}
            """);

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });

        isError.Should().BeTrue(text);
        text.Should().Contain("nothing written");
        Tree(h).Should().Equal(before, "ok.cs, gen/ and every temporary are gone");
    }

    [Fact]
    public async Task A_commit_failing_on_the_last_file_restores_replaced_files_and_removes_new_ones()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("keep.cs", "mine");
        var before = Tree(h);
        var tooLong = new string('n', 300) + ".cs"; // over NAME_MAX (255): rename(2) fails with ENAMETOOLONG at commit
        h.DeepSeek.Reply("{\"files\":[{\"path\":\"keep.cs\",\"summary\":\"s\",\"content\":\"theirs\"},{\"path\":\"new/a.cs\",\"summary\":\"s\",\"content\":\"a\"}," +
            "{\"path\":\"new/" + tooLong + "\",\"summary\":\"s\",\"content\":\"b\"}]}");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x", ["overwrite"] = true });

        isError.Should().BeTrue(text);
        text.Should().Contain("nothing written");
        File.ReadAllText(h.Workspace.Combine("keep.cs")).Should().Be("mine");
        Tree(h).Should().Equal(before);
    }
}
