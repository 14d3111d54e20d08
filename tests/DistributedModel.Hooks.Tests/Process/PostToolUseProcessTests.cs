using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Process;

/// <summary>Runs the published Native-AOT PostToolUse exe with real stdin JSON.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostToolUseProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-ptu-proc");
    private WorkspacePaths Paths => new(_dir.Path);

    private JsonObject SingleLogLine()
    {
        var lines = File.ReadAllLines(Paths.HooksLog);
        lines.Should().ContainSingle();
        return JsonNode.Parse(lines[0])!.AsObject();
    }

    [Fact]
    public async Task Large_bash_output_comes_back_compressed_with_every_error_and_one_log_line()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        var log = NoisyBuildLog.Create();

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Bash(_dir.Path, log.Text), _dir.Path);

        r.ExitCode.Should().Be(0, r.ToString());
        r.StdErr.Should().BeEmpty();
        var updated = JsonNode.Parse(r.StdOut)!["hookSpecificOutput"]!["updatedToolOutput"]!.AsObject();
        updated.Select(kv => kv.Key).Should().BeEquivalentTo(["stdout", "stderr", "interrupted", "isImage"]);
        var stdout = updated["stdout"]!.GetValue<string>();
        Encoding.UTF8.GetByteCount(stdout).Should().BeLessThan(log.Bytes / 4);
        foreach (var e in log.ErrorLines) stdout.Should().Contain(e);
        var line = SingleLogLine();
        line["outcome"]!.GetValue<string>().Should().Be("compressed");
        line["tool"]!.GetValue<string>().Should().Be("Bash");
        line["in"]!.GetValue<long>().Should().Be(log.Bytes);
        line["out"]!.GetValue<long>().Should().Be(Encoding.UTF8.GetByteCount(stdout));
        Directory.GetFiles(Paths.RawDir).Should().ContainSingle().Which.Should().Match(f => stdout.Contains(f));
    }

    [Fact]
    public async Task Persisted_bash_output_is_replaced_by_the_compressed_full_text_without_persisted_keys()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        var log = NoisyBuildLog.Create(415 * 1024);
        var persisted = _dir.Write("home/.claude/projects/p/tool-results/b1.txt", log.Text);

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Bash(_dir.Path, log.Text[..30_000], persistedPath: persisted, persistedSize: log.Bytes), _dir.Path);

        r.ExitCode.Should().Be(0, r.ToString());
        var updated = JsonNode.Parse(r.StdOut)!["hookSpecificOutput"]!["updatedToolOutput"]!.AsObject();
        updated.Select(kv => kv.Key).Should().NotContain(k => k.StartsWith("persisted", StringComparison.Ordinal));
        var stdout = updated["stdout"]!.GetValue<string>();
        foreach (var e in log.ErrorLines) stdout.Should().Contain(e);
        SingleLogLine()["detail"]!.GetValue<string>().Should().StartWith("persisted");
    }

    [Fact]
    public async Task Reading_a_source_file_passes_through_untouched()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        var source = string.Concat(Enumerable.Range(0, 3000).Select(i => $"    public int M{i}() => {i};\n"));

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Read(_dir.Path, _dir.Combine("src", "Big.cs"), "class Big {\n" + source + "}\n"), _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        SingleLogLine()["outcome"]!.GetValue<string>().Should().Be("passthrough");
    }

    [Fact]
    public async Task Mcp_tool_output_comes_back_as_updatedMCPToolOutput_with_its_own_shape()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        var log = NoisyBuildLog.Create(80 * 1024);
        var response = new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = log.Text }),
            ["isError"] = false,
        };

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Tool(_dir.Path, "mcp__ci__job_log", new JsonObject { ["job"] = 1 }, response), _dir.Path);

        r.ExitCode.Should().Be(0, r.ToString());
        var specific = JsonNode.Parse(r.StdOut)!["hookSpecificOutput"]!.AsObject();
        specific.Select(kv => kv.Key).Should().BeEquivalentTo(["hookEventName", "updatedMCPToolOutput"]);
        var updated = specific["updatedMCPToolOutput"]!;
        updated["isError"]!.GetValue<bool>().Should().BeFalse();
        var text = updated["content"]![0]!["text"]!.GetValue<string>();
        text.Length.Should().BeLessThan(log.Text.Length / 3);
        foreach (var e in log.ErrorLines) text.Should().Contain(e);
        SingleLogLine()["tool"]!.GetValue<string>().Should().Be("mcp__ci__job_log");
    }

    public static TheoryData<string, string> FailOpenInputs() => new()
    {
        { "malformed-json", "{\"tool_name\":\"Bash\",\"tool_response\":{\"stdout\":\"abc" },
        { "not-an-object", "\"just a string\"" },
        { "unknown-tool", HookInputs.Tool("{cwd}", "WebFetch", new JsonObject { ["url"] = "https://example.org" }, new JsonObject { ["result"] = new string('x', 9000) }) },
        { "missing-fields", HookInputs.Tool("{cwd}", "Bash", new JsonObject { ["command"] = "ls" }, null) },
        { "missing-fields", HookInputs.Tool("{cwd}", "Bash", new JsonObject { ["command"] = "ls" }, new JsonObject { ["interrupted"] = false }) },
        { "unexpected-shape", HookInputs.Tool("{cwd}", "Read", new JsonObject(), new JsonArray(1, 2)) },
        { "binary", HookInputs.Bash("{cwd}", string.Concat(Enumerable.Repeat("\u007fELF\u0002\u0001\u0001\0\0\0\0\0\0\0\0\0", 400))) },
        { "persisted-unreadable", HookInputs.Bash("{cwd}", new string('x', 30_000), persistedPath: "/nonexistent/dm/tool-results/x.txt", persistedSize: 1_000_000) },
    };

    [Theory]
    [MemberData(nameof(FailOpenInputs))]
    public async Task Bad_input_exits_zero_with_no_stdout_and_logs_failopen_reason(string reason, string stdinTemplate)
    {
        var exe = await PublishedHooks.PostToolUseAsync();

        var r = await PublishedHooks.RunAsync(exe, stdinTemplate.Replace("{cwd}", _dir.Path, StringComparison.Ordinal), _dir.Path);

        r.ExitCode.Should().Be(0, r.ToString());
        r.StdOut.Should().BeEmpty();
        SingleLogLine()["outcome"]!.GetValue<string>().Should().Be("failopen:" + reason);
    }

    [Fact]
    public async Task Empty_stdin_fails_open()
    {
        var exe = await PublishedHooks.PostToolUseAsync();

        var r = await PublishedHooks.RunAsync(exe, "", _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        SingleLogLine()["outcome"]!.GetValue<string>().Should().Be("failopen:empty-input");
    }

    [Fact]
    public async Task Invalid_utf8_stdin_fails_open()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        var bytes = Encoding.UTF8.GetBytes(HookInputs.Bash(_dir.Path, "PLACEHOLDER" + new string('a', 5000))).ToList();
        int at = Encoding.UTF8.GetBytes(HookInputs.Bash(_dir.Path, "PLACEHOLDER")).AsSpan().IndexOf("PLACEHOLDER"u8);
        bytes[at] = 0xC3; bytes[at + 1] = 0x28; // broken two-byte sequence

        var r = await PublishedHooks.RunAsync(exe, bytes.ToArray(), _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        SingleLogLine()["outcome"]!.GetValue<string>().Should().Be("failopen:invalid-utf8");
    }

    [Fact]
    public async Task A_50_MB_output_fails_open_quickly()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        var head = Encoding.UTF8.GetBytes(HookInputs.Bash(_dir.Path, "STDOUT"));
        int at = head.AsSpan().IndexOf("STDOUT"u8);
        var huge = new byte[head.Length - 6 + 50 * 1024 * 1024];
        head.AsSpan(0, at).CopyTo(huge);
        huge.AsSpan(at, 50 * 1024 * 1024).Fill((byte)'y');
        head.AsSpan(at + 6).CopyTo(huge.AsSpan(at + 50 * 1024 * 1024));

        var r = await PublishedHooks.RunAsync(exe, huge, _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        var line = SingleLogLine();
        line["outcome"]!.GetValue<string>().Should().Be("failopen:too-large");
        line["ms"]!.GetValue<double>().Should().BeLessThan(5000, "Claude Code's hook timeout is 10 s; draining 50 MB takes well under a second");
        line["in"]!.GetValue<long>().Should().BeGreaterThan(50L * 1024 * 1024);
    }

    [Fact]
    public async Task Read_only_claude_dir_exits_zero_with_no_stdout_even_though_nothing_can_be_logged()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        using var readOnly = new ReadOnlyDirectory(Paths.ClaudeDir);

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Bash(_dir.Path, NoisyBuildLog.Create().Text), _dir.Path);

        r.ExitCode.Should().Be(0, r.ToString());
        r.StdOut.Should().BeEmpty("the marker would name a raw file that could not be written");
        r.StdErr.Should().BeEmpty();
        File.Exists(Paths.HooksLog).Should().BeFalse();
        Directory.Exists(Paths.RawDir).Should().BeFalse();
    }

    [Fact]
    public async Task Read_only_raw_store_fails_open_and_the_log_says_why()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        using var readOnly = new ReadOnlyDirectory(Paths.DmDir);

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Bash(_dir.Path, NoisyBuildLog.Create().Text), _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        SingleLogLine()["outcome"]!.GetValue<string>().Should().Be("failopen:raw-store-unwritable");
    }

    public void Dispose() => _dir.Dispose();
}
