using System.Net;
using DistributedModel.Cli.Report;
using DistributedModel.Cli.Tests.Discover;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Workspace;

namespace DistributedModel.Cli.Tests.Report;

/// <summary>
/// <c>dm report</c>'s context figure in plain words, on the hooks.log lines the real hooks wrote in the Claude Code
/// session of <see cref="ClaudeSessions"/>.
/// </summary>
[Collection(RealClaudeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReportHeadlineTests : IClassFixture<ClaudeSessions>
{
    private readonly ClaudeSessions _s;

    public ReportHeadlineTests(ClaudeSessions sessions)
    {
        _s = sessions;
        // The harness clock started before the sessions ran; the report's window must reach their hooks.log lines.
        var now = DateTimeOffset.UtcNow;
        if (now > _s.H.Clock.GetUtcNow()) _s.H.Clock.SetUtcNow(now);
    }

    /// <summary>A repository whose hooks.log holds the real lines <paramref name="keep"/> selects.</summary>
    private string RepoWith(Func<System.Text.Json.Nodes.JsonObject, bool> keep)
    {
        var repo = Path.Combine(_s.H.Root, "report-" + Guid.NewGuid().ToString("N")[..8]);
        var log = new WorkspacePaths(repo).HooksLog;
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllLines(log, File.ReadAllLines(new WorkspacePaths(_s.H.Repo).HooksLog).Where(l => keep(System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject())));
        return repo;
    }

    private static string Row(string output, string name) => output.Split('\n').Single(l => l.StartsWith(name, StringComparison.Ordinal)).TrimEnd();

    [Fact]
    public async Task The_build_logs_digest_is_reported_as_more_bytes_with_what_they_bought_never_as_a_saving()
    {
        // The persisted build log alone: Claude Code would have shown its 2 KB preview; dm's digest is larger and shows the errors.
        var build = _s.HookLog.First(l => l["event"]!.GetValue<string>() == "PostToolUse");
        var repo = RepoWith(l => l["ts"]!.GetValue<string>() == build["ts"]!.GetValue<string>());
        long native = Math.Min(build["in"]!.GetValue<long>(), DistributedModel.Core.Logging.NativeContext.PreviewChars), output = build["out"]!.GetValue<long>();
        output.Should().BeGreaterThan(native);
        int errors = build["surfacedErrors"]!.GetValue<int>(), warnings = build["surfacedWarnings"]!.GetValue<int>();
        errors.Should().BeGreaterThan(0);

        var run = await _s.H.RunAsync("report", "--repo", repo, "--html", Path.Combine(repo, "report.html"));

        var bought = $"+{Format.Bytes(output - native)} to show {ContextWords.Seen(errors, warnings)} the 2 KB preview hid";
        Row(run.Out, "Context bytes into orchestrator").Should()
            .Contain($"{Format.Bytes(output - native)} more bytes into context: {Format.Bytes(native)} without dm -> {Format.Bytes(output)} with dm (+")
            .And.Contain($"{Format.Bytes(build["in"]!.GetValue<long>())} raw; {bought}")
            .And.NotContain("surfaced").And.EndWith("FAIL");
        var html = await File.ReadAllTextAsync(Path.Combine(repo, "report.html"));
        html.Should().Contain($"<p class=\"kpi-value\">{Format.Bytes(output - native)} more</p>").And.Contain(WebUtility.HtmlEncode(bought))
            .And.NotContain("diagnostics surfaced").And.NotContain("saved", "a digest larger than the preview saved nothing against it");
    }

    [Fact]
    public async Task The_whole_session_is_reported_as_fewer_bytes_with_the_errors_and_warnings_the_preview_hid()
    {
        var post = _s.HookLog.Where(l => l["event"]!.GetValue<string>() == "PostToolUse").ToList();
        var repo = RepoWith(l => l["event"]!.GetValue<string>() == "PostToolUse");
        // The documented baseline: the 2 KB preview of an output over its limit, a Read whole.
        long native = post.Sum(l => l["tool"]!.GetValue<string>() != "Read" && l["in"]!.GetValue<long>() > l["limit"]!.GetValue<long>()
            ? Math.Min(l["in"]!.GetValue<long>(), DistributedModel.Core.Logging.NativeContext.PreviewChars) : l["in"]!.GetValue<long>());
        long output = post.Sum(l => l["out"]!.GetValue<long>());
        output.Should().BeLessThan(native);

        var run = await _s.H.RunAsync("report", "--repo", repo);

        var seen = ContextWords.Seen(post.Sum(l => l["surfacedErrors"]!.GetValue<int>()), post.Sum(l => l["surfacedWarnings"]!.GetValue<int>()));
        Row(run.Out, "Context bytes into orchestrator").Should()
            .Contain($"{Format.Bytes(native - output)} fewer bytes into context: {Format.Bytes(native)} without dm -> {Format.Bytes(output)} with dm (-")
            .And.Contain($"; the model saw {seen} the preview hid");
    }
}
