using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Runtime;

public sealed class HookRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-runner");
    private WorkspacePaths Paths => new(_dir.Path);

    private (int Exit, string Stdout, JsonObject Log) Run(byte[] stdin, HookRunner.Handler handler)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        int exit = HookRunner.Run("PostToolUse", input, output, handler, resolvePaths: _ => Paths);
        var lines = File.ReadAllLines(Paths.HooksLog);
        lines.Should().ContainSingle("exactly one hooks.log line per call");
        return (exit, Encoding.UTF8.GetString(output.ToArray()), JsonNode.Parse(lines[0])!.AsObject());
    }

    private HookRunner.Handler Real => input => PostToolUseHook.Handle(input, Paths, DateTimeOffset.UtcNow);

    private byte[] WithCwd(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void Successful_call_prints_the_handler_json_and_logs_the_contract_fields()
    {
        var (exit, stdout, log) = Run(WithCwd(HookInputs.Bash(_dir.Path, NoisyBuildLog.Create().Text)), Real);

        exit.Should().Be(0);
        JsonNode.Parse(stdout)!["hookSpecificOutput"]!["hookEventName"]!.GetValue<string>().Should().Be("PostToolUse");
        log["event"]!.GetValue<string>().Should().Be("PostToolUse");
        log["tool"]!.GetValue<string>().Should().Be("Bash");
        log["outcome"]!.GetValue<string>().Should().Be("compressed");
        log["in"]!.GetValue<long>().Should().BeGreaterThan(log["out"]!.GetValue<long>());
        log["ms"]!.GetValue<double>().Should().BeGreaterThan(0);
        log["ts"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
    }

    public static TheoryData<string, byte[]> BadInputs() => new()
    {
        { "empty-input", [] },
        { "malformed-json", "{\"tool_name\": \"Bash\", \"tool_response\": {"u8.ToArray() },
        { "not-an-object", "[1,2,3]"u8.ToArray() },
        { "invalid-utf8", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_stdin_exits_zero_prints_nothing_and_logs_the_fail_open_reason(string reason, byte[] stdin)
    {
        var (exit, stdout, log) = Run(stdin, Real);

        exit.Should().Be(0);
        stdout.Should().BeEmpty();
        log["outcome"]!.GetValue<string>().Should().Be("failopen:" + reason);
        log["in"]!.GetValue<long>().Should().Be(stdin.Length);
    }

    [Fact]
    public void Malformed_json_is_logged_with_the_one_based_line_and_byte_of_the_error()
    {
        var (_, _, log) = Run("{\n  \"tool_name\": \"Bash\",\n  \"tool_response\": }"u8.ToArray(), Real);

        log["outcome"]!.GetValue<string>().Should().Be("failopen:malformed-json");
        log["detail"]!.GetValue<string>().Should().Be("line 3, byte 20", "the '}' is the 20th byte of the third line");
    }

    [Fact]
    public void An_unexpected_exception_in_the_handler_fails_open_naming_only_the_exception_type()
    {
        var (exit, stdout, log) = Run(WithCwd(HookInputs.Bash(_dir.Path, "x")), _ => throw new InvalidCastException("secret output text"));

        exit.Should().Be(0);
        stdout.Should().BeEmpty();
        log["outcome"]!.GetValue<string>().Should().Be("failopen:internal-error");
        log["detail"]!.GetValue<string>().Should().Be("InvalidCastException");
        log.ToJsonString().Should().NotContain("secret");
    }

    [Fact]
    public void Oversized_stdin_is_drained_and_fails_open_as_too_large()
    {
        var big = new byte[3 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        using var input = new MemoryStream(big);

        var act = () => HookStdin.ReadAll(input, out _, maxBytes: 1024 * 1024);

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("too-large");
        input.Position.Should().Be(big.Length, "the writer must never see a broken pipe");
    }

    public void Dispose() => _dir.Dispose();
}
