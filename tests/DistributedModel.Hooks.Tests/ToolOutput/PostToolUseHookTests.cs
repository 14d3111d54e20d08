using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class PostToolUseHookTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-ptu");
    private WorkspacePaths Paths => new(_dir.Path);

    private HookResult Handle(string json) => PostToolUseHook.Handle(HookInputs.Parse(json), Paths, DateTimeOffset.UtcNow);

    [Fact]
    public void Compressed_bash_output_is_wrapped_as_updatedToolOutput_and_the_marker_names_the_stored_raw_file()
    {
        var log = NoisyBuildLog.Create();

        var result = Handle(HookInputs.Bash(_dir.Path, log.Text));

        result.Outcome.Should().Be("compressed");
        var output = JsonNode.Parse(result.Stdout!)!.AsObject();
        output.Select(kv => kv.Key).Should().Equal("hookSpecificOutput");
        var specific = output["hookSpecificOutput"]!.AsObject();
        specific["hookEventName"]!.GetValue<string>().Should().Be("PostToolUse");
        var stdout = specific["updatedToolOutput"]!["stdout"]!.GetValue<string>();
        var raw = Directory.GetFiles(Paths.RawDir).Should().ContainSingle().Subject;
        stdout.Should().Contain(raw, "the elision marker tells the model where the full output is");
        File.ReadAllText(raw).Should().Be(log.Text);
        result.InputBytes.Should().Be(log.Bytes);
        result.OutputBytes.Should().Be(Encoding.UTF8.GetByteCount(stdout));
        result.Detail.Should().Contain(Path.GetFileName(raw));
    }

    [Fact]
    public void Mcp_tools_get_updatedMCPToolOutput()
    {
        var log = NoisyBuildLog.Create(50 * 1024);
        var json = HookInputs.Tool(_dir.Path, "mcp__ci__job_log", new JsonObject { ["job"] = 4711 },
            new JsonArray(new JsonObject { ["type"] = "text", ["text"] = log.Text }));

        var result = Handle(json);

        var specific = JsonNode.Parse(result.Stdout!)!["hookSpecificOutput"]!.AsObject();
        specific.ContainsKey("updatedToolOutput").Should().BeFalse();
        specific["updatedMCPToolOutput"]!.AsArray()[0]!["text"]!.GetValue<string>().Length.Should().BeLessThan(log.Text.Length / 3);
    }

    [Fact]
    public void Small_output_passes_through_with_no_stdout()
    {
        var result = Handle(HookInputs.Bash(_dir.Path, "hello\n"));

        result.Outcome.Should().Be("passthrough");
        result.Stdout.Should().BeNull();
        result.InputBytes.Should().Be(6);
        result.OutputBytes.Should().Be(6);
    }

    [Theory]
    [InlineData("WebFetch")]
    [InlineData("Edit")]
    public void Unknown_tools_fail_open(string tool)
    {
        var act = () => Handle(HookInputs.Tool(_dir.Path, tool, new JsonObject(), new JsonObject { ["result"] = new string('x', 10_000) }));

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("unknown-tool");
    }

    [Fact]
    public void Missing_tool_response_fails_open()
    {
        var act = () => Handle(HookInputs.Tool(_dir.Path, "Bash", new JsonObject(), null));

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("missing-fields");
    }

    [Fact]
    public void Unwritable_raw_store_fails_open_instead_of_naming_a_file_that_does_not_exist()
    {
        Directory.CreateDirectory(Paths.ClaudeDir);
        File.WriteAllText(Paths.DmDir, "not a directory");

        var act = () => Handle(HookInputs.Bash(_dir.Path, NoisyBuildLog.Create(50 * 1024).Text));

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("raw-store-unwritable");
    }

    [Fact]
    public void Compressing_the_already_compressed_output_again_changes_nothing()
    {
        var first = Handle(HookInputs.Bash(_dir.Path, NoisyBuildLog.Create().Text));
        var once = JsonNode.Parse(first.Stdout!)!["hookSpecificOutput"]!["updatedToolOutput"]!["stdout"]!.GetValue<string>();

        var second = Handle(HookInputs.Bash(_dir.Path, once));

        second.Stdout.Should().BeNull("a second pass (e.g. two hooks configured) must not shrink it further or lose lines");
    }

    [Theory]
    [InlineData("Read", "file_path", "{raw}/20261123T070000.123Z-Bash-3f2a9c1d0b7e.txt")]
    [InlineData("Bash", "command", "sed -n '2000,2400p' .claude/dm/raw/20261123T070000.123Z-Bash-3f2a9c1d0b7e.txt")]
    [InlineData("Grep", "path", ".claude/dm/raw")]
    public void Following_an_elision_marker_into_the_raw_store_is_never_compressed_again(string tool, string key, string value)
    {
        var log = NoisyBuildLog.Create(60 * 1024).Text;
        JsonNode response = tool switch
        {
            "Read" => HookInputs.Parse(HookInputs.Read(_dir.Path, "x.log", log)).ToolResponse!,
            "Bash" => new JsonObject { ["stdout"] = log, ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false },
            _ => new JsonObject { ["mode"] = "content", ["content"] = log },
        };
        var input = new JsonObject { [key] = value.Replace("{raw}", Paths.RawDir, StringComparison.Ordinal) };

        var result = Handle(HookInputs.Tool(_dir.Path, tool, input, response.DeepClone()));

        result.Outcome.Should().Be("passthrough");
        result.Detail.Should().Be("raw-store");
        result.Stdout.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"command":"cat .claude/dm/raw/a.txt"}""", true)]
    [InlineData("""{"path":"C:\\repo\\.claude\\dm\\raw\\a.txt"}""", true)]
    [InlineData("""{"edits":[{"n":1},{"file":"x/.claude/dm/raw"}]}""", true)]
    [InlineData("""{".claude/dm/raw":1}""", true)]
    [InlineData("""{"command":"cat .claude/dm/rows.txt","n":1,"ok":true,"list":[null,2]}""", false)]
    [InlineData("""{"a":".claude/dm","b":"raw"}""", false)]
    public void Raw_store_reads_are_recognised_in_any_key_or_string_value_like_the_serialized_input(string toolInput, bool expected)
    {
        var node = JsonNode.Parse(toolInput);
        var json = node!.ToJsonString();
        bool bySerializedText = json.Contains(".claude/dm/raw", StringComparison.Ordinal) || json.Contains(@".claude\\dm\\raw", StringComparison.Ordinal);

        bySerializedText.Should().Be(expected);
        PostToolUseHook.ReadsTheRawStore(node).Should().Be(expected);
    }

    public void Dispose() => _dir.Dispose();
}
