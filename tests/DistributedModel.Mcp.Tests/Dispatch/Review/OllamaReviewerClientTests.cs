using System.Text.Json.Nodes;
using DistributedModel.Hooks.Workspace;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Review;
using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

public sealed class OllamaReviewerClientTests : IDisposable
{
    private readonly TempDirectory _workspace = new("dm-ollama-review");
    private readonly HttpClient _http = new();

    private WorkspacePaths Paths => new(_workspace.Path);

    private static ReviewerCall Call(string provider = "ollama", string? model = "glm-4.7-flash") =>
        new(provider, model, "SYS", "USER", ReviewPrompts.JsonSchema);

    [Fact]
    public async Task Sends_a_native_chat_request_with_the_schema_as_format_and_writes_a_ledger_line()
    {
        await using var backend = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["glm-4.7-flash"] = ScriptedReview.Verdict("approve"),
        });

        var reply = await backend.ClientFor(Paths).CompleteAsync(Call(), CancellationToken.None);

        reply.Should().Be(new ReviewerReply("""{"verdict":"approve","findings":[]}""", "ollama", "glm-4.7-flash", 120, 30, 0m));
        var body = backend.Fake.Requests.Single().Body;
        body["stream"]!.GetValue<bool>().Should().BeFalse();
        body["think"]!.GetValue<bool>().Should().BeFalse();
        body["format"]!["properties"]!["verdict"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())
            .Should().Equal("approve", "request_changes", "reject");
        body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Should().Equal("system", "user");
        var line = JsonNode.Parse(File.ReadAllLines(Paths.Ledger).Single())!;
        line["lane"]!.GetValue<string>().Should().Be("review");
        line["provider"]!.GetValue<string>().Should().Be("ollama");
        line["in"]!.GetValue<long>().Should().Be(120);
        line["outcome"]!.GetValue<string>().Should().Be("ok");
    }

    [Fact]
    public async Task An_unreachable_ollama_is_a_clear_error_and_an_error_ledger_line()
    {
        var client = new OllamaReviewerClient(Paths, _http, new DispatchOptionsLoader(Paths, o => o.OllamaHost = "127.0.0.1:9"));

        var act = () => client.CompleteAsync(Call(), CancellationToken.None);

        await act.Should().ThrowAsync<HttpRequestException>().WithMessage("ollama unreachable at http://127.0.0.1:9*");
        File.ReadAllText(Paths.Ledger).Should().Contain("\"outcome\":\"error\"");
    }

    [Fact]
    public async Task An_unknown_model_reports_ollamas_status()
    {
        await using var backend = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>());

        var act = () => backend.ClientFor(Paths).CompleteAsync(Call(model: "nope"), CancellationToken.None);

        await act.Should().ThrowAsync<HttpRequestException>().WithMessage("ollama nope: HTTP 404*not found*");
    }

    [Fact]
    public async Task Other_providers_need_the_provider_library()
    {
        var client = new OllamaReviewerClient(Paths, _http, new DispatchOptionsLoader(Paths));

        var act = () => client.CompleteAsync(Call(provider: "gemini"), CancellationToken.None);

        await act.Should().ThrowAsync<NotSupportedException>().WithMessage("reviewer provider 'gemini' needs the provider library*");
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:11434/")]
    [InlineData("0.0.0.0:11500", "http://0.0.0.0:11500/")]
    [InlineData("https://ollama.internal/", "https://ollama.internal/")]
    public void The_host_accepts_ollama_host_forms(string? value, string expected)
    {
        OllamaReviewerClient.ResolveHost(value).ToString().Should().Be(expected);
    }

    public void Dispose()
    {
        _http.Dispose();
        _workspace.Dispose();
    }
}
