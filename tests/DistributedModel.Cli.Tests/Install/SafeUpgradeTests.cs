using DistributedModel.Cli.Install;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Install;

/// <summary>
/// <c>dm install</c> over an existing install while a session runs (issue 11.3): the running server keeps working, the
/// new set replaces the old one whole, nothing half-written is left.
/// </summary>
public sealed class SafeUpgradeTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>
    /// Fake hooks and the real Native AOT dm-mcp (published once per test run). <paramref name="tail"/> bytes are appended
    /// to the server's executable: an ELF file ignores trailing data, so the "new version" still runs while differing
    /// byte for byte from the old one.
    /// </summary>
    private async Task<string> BinariesAsync(string name, string tail)
    {
        var dir = _h.FakeBinaries(name, name);
        var mcp = await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true);
        var exe = Path.Combine(dir, "mcp", "dm-mcp");
        File.Copy(Path.Combine(mcp, "dm-mcp"), exe, overwrite: true); // one native file, as dm install lays it out
        File.AppendAllText(exe, tail);
        return dir;
    }

    private static string StatInode(string path)
    {
        var run = ProcessRunner.RunAsync("stat", ["-c", "%i", path]).GetAwaiter().GetResult();
        run.ExitCode.Should().Be(0, run.ToString());
        return run.StdOut.Trim();
    }

    [Fact]
    public async Task Upgrading_under_a_running_dm_mcp_keeps_it_answering_and_switches_every_file_by_rename()
    {
        if (OperatingSystem.IsWindows()) return; // rename over a running executable is the POSIX guarantee tested here
        var v1 = await BinariesAsync("v1", "");
        (await _h.RunAsync("install", "--hooks-from", v1)).ExitCode.Should().Be(0);
        var exe = _h.RepoFile("hooks/bin/mcp/dm-mcp");
        await using var running = await StartedAsync(exe);
        var tools = await running.ListToolsAsync();
        tools.Should().Contain("summarize");
        var switched = new[] { "hooks/bin/mcp/dm-mcp", "hooks/bin/PostToolUse", "hooks/bin/UserPromptSubmit" };
        var oldInodes = switched.Select(r => StatInode(_h.RepoFile(r))).ToList();

        var v2 = await BinariesAsync("v2", "\n#v2-trailing-bytes");
        var upgrade = await _h.RunAsync("install", "--hooks-from", v2);

        // Before the fix: "Text file busy" (exit 2) on the running executable, or its mapped pages rewritten under it.
        upgrade.ExitCode.Should().Be(0, upgrade.ToString());
        (await running.ListToolsAsync()).Should().Equal(tools, "the running server still runs the files it was started from");
        foreach (var (rel, old) in switched.Zip(oldInodes))
        {
            StatInode(_h.RepoFile(rel)).Should().NotBe(old, $"{rel} was replaced by a rename, not rewritten in place");
            File.ReadAllBytes(_h.RepoFile(rel)).Should().Equal(File.ReadAllBytes(Path.Combine(v2, rel["hooks/bin/".Length..])));
        }
        File.ReadAllText(_h.RepoFile("hooks/bin/PostToolUse")).Should().Contain("# v2", "the hooks switched with the server");
        Directory.EnumerateFiles(_h.RepoFile("hooks/bin"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(".dm-new-", StringComparison.Ordinal)).Should().BeEmpty("no staged file is left behind");
        await using var fresh = await StartedAsync(exe);
        (await fresh.ListToolsAsync()).Should().Equal(tools, "a session started after the upgrade gets a complete new set");
    }

    private Task<StdioMcpServer> StartedAsync(string exe) => StdioMcpServer.StartAsync(exe, _h.Repo);

    [Fact]
    public async Task A_failure_while_staging_leaves_the_old_set_whole_and_no_staged_files()
    {
        if (OperatingSystem.IsWindows()) return;
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries("v1", "v1"))).ExitCode.Should().Be(0);
        var before = CliHarness.Snapshot(_h.RepoFile("hooks/bin"));
        var v2 = _h.FakeBinaries("v2", "v2");
        // The last file of the new set (sorted after PostToolUse, UserPromptSubmit and mcp/*, which are staged before it)
        // cannot be staged: a directory already sits at its staging name. Works for root too, unlike a permission.
        File.WriteAllText(Path.Combine(v2, "zz-last.so"), "new");
        var blocker = _h.RepoFile("hooks/bin/zz-last.so" + BinaryInstaller.StagingSuffix);
        Directory.CreateDirectory(blocker);

        var run = await _h.RunAsync("install", "--hooks-from", v2);

        run.ExitCode.Should().Be(2, run.ToString());
        CliHarness.Snapshot(_h.RepoFile("hooks/bin")).Should().Equal(before, "the old set is untouched and nothing staged is left");
        Directory.Delete(blocker);
    }

    [Fact]
    public async Task Files_the_new_set_no_longer_has_are_removed_and_files_the_user_added_stay()
    {
        var v1 = _h.FakeBinaries("v1", "v1");
        File.WriteAllText(Path.Combine(v1, "mcp", "Old.Dependency.dll"), "old");
        (await _h.RunAsync("install", "--hooks-from", v1)).ExitCode.Should().Be(0);
        _h.WriteRepo("hooks/bin/mine.txt", "the user's");

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries("v2", "v2"));

        run.ExitCode.Should().Be(0, run.ToString());
        File.Exists(_h.RepoFile("hooks/bin/mcp/Old.Dependency.dll")).Should().BeFalse("it was ours (in the manifest) and v2 has no such file");
        File.ReadAllText(_h.RepoFile("hooks/bin/mine.txt")).Should().Be("the user's");
        File.ReadAllText(_h.RepoFile($"hooks/bin/{BinaryLayout.ManifestFile}")).Should().NotContain("Old.Dependency.dll");
    }
}
