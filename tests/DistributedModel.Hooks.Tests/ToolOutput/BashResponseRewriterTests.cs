using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class BashResponseRewriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-bash");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The hook's reader, confined to this test's workspace (its persisted files live there).</summary>
    private string ReadPersisted(string path) => BashResponseRewriter.ReadPersisted(path, _dir.Path, null);

    private LeafCompressor Leaves() => new(new RawOutputStore(new WorkspacePaths(_dir.Path).RawDir), "Bash", Now);

    private static JsonObject Response(string json) => (JsonObject)HookInputs.Parse(json).ToolResponse!;

    [Fact]
    public void Large_stdout_is_compressed_in_place_and_every_other_key_keeps_its_value()
    {
        var log = NoisyBuildLog.Create();
        var response = Response(HookInputs.Bash(_dir.Path, log.Text, stderr: "warning: small stderr"));

        var rewrite = BashResponseRewriter.Rewrite(response, Leaves(), ReadPersisted);

        var updated = rewrite.Updated.Should().BeOfType<JsonObject>().Subject;
        updated.Select(kv => kv.Key).Should().BeEquivalentTo(["stdout", "stderr", "interrupted", "isImage"]);
        updated["stderr"]!.GetValue<string>().Should().Be("warning: small stderr");
        updated["interrupted"]!.GetValue<bool>().Should().BeFalse();
        updated["isImage"]!.GetValue<bool>().Should().BeFalse();
        var stdout = updated["stdout"]!.GetValue<string>();
        stdout.Length.Should().BeLessThan(log.Text.Length / 4);
        foreach (var error in log.ErrorLines) stdout.Should().Contain(error);
    }

    [Fact]
    public void Small_output_is_left_alone()
    {
        var response = Response(HookInputs.Bash(_dir.Path, "Build succeeded.\n    0 Warning(s)\n    0 Error(s)\n"));

        var leaves = Leaves();
        var rewrite = BashResponseRewriter.Rewrite(response, leaves, ReadPersisted);

        rewrite.Updated.Should().BeNull();
        leaves.ChangedLeaves.Should().Be(0);
        Directory.Exists(new WorkspacePaths(_dir.Path).RawDir).Should().BeFalse("nothing was elided, so nothing is stored");
    }

    [Fact]
    public void Persisted_output_is_read_from_disk_compressed_and_the_persisted_keys_are_dropped()
    {
        var log = NoisyBuildLog.Create(400 * 1024);
        var persisted = _dir.Write("tool-results/bash-1.txt", log.Text);
        var preview = log.Text[..30_000]; // what Claude Code puts in stdout when it persisted the output
        var response = Response(HookInputs.Bash(_dir.Path, preview, persistedPath: persisted, persistedSize: log.Bytes));

        var rewrite = BashResponseRewriter.Rewrite(response, Leaves(), ReadPersisted);

        var updated = rewrite.Updated.Should().BeOfType<JsonObject>().Subject;
        updated.Select(kv => kv.Key).Should().BeEquivalentTo(["stdout", "stderr", "interrupted", "isImage"]);
        var stdout = updated["stdout"]!.GetValue<string>();
        foreach (var error in log.ErrorLines) stdout.Should().Contain(error, "errors far beyond the 30 K preview come from the persisted file");
        stdout.Length.Should().BeLessThan(log.Text.Length / 10);
        rewrite.Detail.Should().Be("persisted");
    }

    [Fact]
    public void Missing_persisted_file_fails_open()
    {
        var response = Response(HookInputs.Bash(_dir.Path, new string('x', 30_000), persistedPath: _dir.Combine("gone.txt"), persistedSize: 500_000));

        var act = () => BashResponseRewriter.Rewrite(response, Leaves(), ReadPersisted);

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("persisted-unreadable");
    }

    [Fact]
    public void Persisted_file_that_is_not_utf8_fails_open_as_binary()
    {
        var path = _dir.Combine("blob.bin");
        File.WriteAllBytes(path, [0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]);
        var response = Response(HookInputs.Bash(_dir.Path, "preview", persistedPath: path, persistedSize: 6));

        var act = () => BashResponseRewriter.Rewrite(response, Leaves(), ReadPersisted);

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("binary");
    }

    [Fact]
    public void Binary_stdout_fails_open()
    {
        var binary = string.Concat(Enumerable.Range(0, 5000).Select(i => (char)(i % 32)));
        var response = Response(HookInputs.Bash(_dir.Path, binary));

        var act = () => BashResponseRewriter.Rewrite(response, Leaves(), ReadPersisted);

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("binary");
    }

    [Fact]
    public void Image_output_is_never_touched()
    {
        var response = Response(HookInputs.Bash(_dir.Path, new string('A', 50_000)));
        response["isImage"] = true;

        BashResponseRewriter.Rewrite(response, Leaves(), ReadPersisted).Updated.Should().BeNull();
    }

    [Fact]
    public void Response_without_stdout_or_stderr_fails_open_as_missing_fields()
    {
        var act = () => BashResponseRewriter.Rewrite(new JsonObject { ["interrupted"] = false }, Leaves(), ReadPersisted);

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("missing-fields");
    }

    public void Dispose() => _dir.Dispose();
}
