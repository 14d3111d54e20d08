using System.Text;

namespace DistributedModel.StatusLine.Tests;

public sealed class StatusLineInputTests
{
    // The document Claude Code 2.1.332 pipes to a statusLine command (fields as its docs list them).
    private const string Sample = """
        {"session_id":"abc","transcript_path":"/tmp/t.jsonl","cwd":"/work/repo/src","model":{"id":"claude-opus-4-1","display_name":"Opus"},
         "workspace":{"current_dir":"/work/repo/src","project_dir":"/work/repo","added_dirs":[]},"version":"2.1.332",
         "context_window":{"total_input_tokens":1000}}
        """;

    private static string? Parse(string json) => StatusLineInput.ProjectDirectory(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Project_dir_wins() => Parse(Sample).Should().Be("/work/repo");

    [Fact]
    public void Current_dir_then_cwd_when_there_is_no_project_dir()
    {
        Parse("""{"cwd":"/a","workspace":{"current_dir":"/b"}}""").Should().Be("/b");
        Parse("""{"cwd":"/a","workspace":{"project_dir":""}}""").Should().Be("/a");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"cwd":42}""")]
    [InlineData("""{"cwd":"/a" """)]
    public void Anything_else_is_null(string json) => Parse(json).Should().BeNull();

    [Fact]
    public void Only_the_first_64_KB_of_stdin_is_read()
    {
        var huge = """{"cwd":"/a","pad":" """ + new string('x', 200_000) + "\"}";
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(huge));
        StatusLineInput.ProjectDirectory(stream).Should().BeNull("the document is cut, so it is not valid JSON");
        stream.Position.Should().Be(StatusLineInput.MaxBytes);
    }
}
