namespace DistributedModel.Mcp.Tests.Scaffold;

public sealed class ScaffoldToolTests
{
    private const string Plan = """
        {"files":[{"path":"Dtos/OrderDto.cs","summary":"Order DTO record","content":"public record OrderDto(int Id);\n"},
                  {"path":"Endpoints/Orders.cs","summary":"CRUD endpoints\nfor orders","content":"// endpoints\n"}]}
        """;

    [Fact]
    public async Task Scaffold_writes_the_files_and_returns_only_paths_sizes_and_summaries()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.DeepSeek.Reply(Plan);

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "Order DTO + CRUD endpoints", ["directory"] = "src/Api" });

        isError.Should().BeFalse(text);
        File.ReadAllText(h.Workspace.Combine("src/Api/Dtos/OrderDto.cs")).Should().Be("public record OrderDto(int Id);\n");
        text.Should().Contain("- src/Api/Dtos/OrderDto.cs (32 B) — Order DTO record").And.Contain("- src/Api/Endpoints/Orders.cs (13 B) — CRUD endpoints for orders");
        text.Should().NotContain("public record");
    }

    [Fact]
    public async Task Existing_files_are_not_overwritten_unless_asked_and_nothing_is_written_on_refusal()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.DeepSeek.Reply(Plan);
        h.Write("Dtos/OrderDto.cs", "mine");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });
        isError.Should().BeTrue();
        text.Should().Contain("already exist: Dtos/OrderDto.cs").And.Contain("overwrite=true");
        File.ReadAllText(h.Workspace.Combine("Dtos/OrderDto.cs")).Should().Be("mine");
        File.Exists(h.Workspace.Combine("Endpoints/Orders.cs")).Should().BeFalse();

        (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x", ["overwrite"] = true });
        isError.Should().BeFalse(text);
        text.Should().Contain("[replaced]");
        File.ReadAllText(h.Workspace.Combine("Dtos/OrderDto.cs")).Should().StartWith("public record");
    }

    [Theory]
    [InlineData("../escape.cs")]
    [InlineData("/tmp/escape.cs")]
    public async Task A_model_path_leaving_the_workspace_is_refused_and_nothing_written(string path)
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.DeepSeek.Reply("{\"files\":[{\"path\":\"ok.cs\",\"summary\":\"s\",\"content\":\"x\"},{\"path\":\"" + path + "\",\"summary\":\"s\",\"content\":\"x\"}]}");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });

        isError.Should().BeTrue();
        text.Should().Contain(path);
        File.Exists(h.Workspace.Combine("ok.cs")).Should().BeFalse();
    }
}
