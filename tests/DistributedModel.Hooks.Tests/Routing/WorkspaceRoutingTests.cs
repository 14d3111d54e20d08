using System.Diagnostics;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Routing;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Routing;

/// <summary>Workspace-aware routing on real files in a temp project: the hint names a bulky log-like file the prompt points
/// to and its size; source files, small files, edits and anything outside the project (symlinks included) do not count.</summary>
public sealed class WorkspaceRoutingTests : IDisposable
{
    private readonly TempDirectory _outside = new("dm-outside");
    private readonly TempDirectory _dir = new("dm-ws");
    private static readonly PromptRouter Defaults = new(RoutingRulesLoader.LoadDefaults());

    private RoutingDecision Route(string prompt) => Defaults.Route(prompt, new WorkspaceFileProbe(_dir.Path));

    private string Sized(string relative, long bytes, TempDirectory? under = null)
    {
        var full = (under ?? _dir).Write(relative, "");
        using var fs = new FileStream(full, FileMode.Open, FileAccess.Write);
        fs.SetLength(bytes);
        return full;
    }

    [Fact]
    public void A_bulky_log_the_prompt_points_at_gets_the_summarize_hint_naming_it_and_its_size()
    {
        Sized("logs/deploy.log", 184_320);

        var decision = Route("the deploy failed, what went wrong? see logs/deploy.log");

        decision.Lanes.Should().Equal("summarize");
        decision.Context.Should().Contain("logs/deploy.log is 180 KB: call mcp__distributed-model__summarize with paths [\"logs/deploy.log\"]");
    }

    [Fact]
    public void The_same_prompt_without_the_file_or_with_a_small_file_gets_nothing()
    {
        Route("which requests are slow in access.log").Context.Should().BeNull("the file does not exist");
        Sized("access.log", 32 * 1024 - 1);
        Route("which requests are slow in access.log").Context.Should().BeNull("31.99 KB is under the 32 KB default");
        Sized("access.log", 2_411_724);
        Route("which requests are slow in access.log").Context.Should().Contain("access.log is 2.3 MB");
    }

    [Theory]
    [InlineData("refactor src/OrderService.cs to use dependency injection", "src/OrderService.cs")]
    [InlineData("rename build.log to build-old.log", "build.log")]
    [InlineData("fix the parse error in data/seed.json", "data/seed.json")]
    [InlineData("add build.log and *.log to .gitignore", "build.log")]
    [InlineData("print the first 20 lines of out.txt", "out.txt")]
    public void Source_files_and_files_the_user_wants_edited_or_just_peeked_at_are_not_summarize_cases(string prompt, string file)
    {
        Sized(file, 400_000);

        Route(prompt).Lanes.Should().NotContain("summarize");
    }

    [Fact]
    public void A_glob_names_the_bulky_files_it_matches_without_following_links()
    {
        Sized("logs/worker-1.log", 900_000);
        Sized("logs/worker-2.log", 870_000);
        Sized("logs/small.log", 100);
        System.IO.File.CreateSymbolicLink(_dir.Combine("logs", "linked.log"), Sized("big.log", 9_000_000, _outside));

        var decision = Route("skim logs/*.log for OutOfMemoryError");

        decision.Context.Should().Contain("logs/worker-1.log is 879 KB").And.Contain("logs/worker-2.log is 850 KB")
            .And.NotContain("small.log").And.NotContain("linked.log");
    }

    [Fact]
    public void A_symlink_out_of_the_project_is_refused_even_through_a_dot_dot_link()
    {
        Sized("inner/secret.log", 500_000, _outside);
        System.IO.File.CreateSymbolicLink(_dir.Combine("out.log"), _outside.Combine("inner", "secret.log"));
        Directory.CreateSymbolicLink(_dir.Combine("d"), _outside.Combine("inner"));
        Directory.CreateSymbolicLink(_dir.Combine("x"), "d/..");

        Route("what went wrong in out.log").Context.Should().BeNull();
        Route("what went wrong in x/inner/secret.log").Context.Should().BeNull();
        Route("what went wrong in d/secret.log").Context.Should().BeNull();
        Route($"what went wrong in {_outside.Combine("inner", "secret.log")}").Context.Should().BeNull("an absolute path outside the project");
    }

    [Fact]
    public void A_link_inside_the_project_and_an_absolute_path_inside_it_count()
    {
        var target = Sized("logs/app.log", 3_200_000);
        System.IO.File.CreateSymbolicLink(_dir.Combine("latest.log"), target);

        Route("why did it crash, see latest.log").Context.Should().Contain("latest.log is 3.1 MB");
        Route($"why did it crash, see {target}").Context.Should().Contain("logs/app.log is 3.1 MB");
    }

    [Fact]
    public void A_directory_or_a_fifo_named_like_a_log_is_not_a_file_to_summarize()
    {
        Directory.CreateDirectory(_dir.Combine("build.log"));
        var fifo = _dir.Combine("pipe.log");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) mk.WaitForExit();

        var sw = Stopwatch.StartNew();
        Route("what went wrong in build.log and pipe.log").Context.Should().BeNull();
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "a FIFO is never opened");
    }

    [Fact]
    public void The_hook_uses_the_project_root_of_its_input()
    {
        Sized("logs/deploy.log", 184_320);

        var (decision, warning) = UserPromptSubmitHook.Decide("gist of logs/deploy.log please", new WorkspacePaths(_dir.Path));

        warning.Should().BeNull();
        decision.Context.Should().Contain("logs/deploy.log is 180 KB");
    }

    [Fact]
    public void A_lane_files_rule_can_be_turned_off_or_given_a_threshold_in_dm_json()
    {
        Sized("logs/deploy.log", 184_320);
        _dir.Write(".claude/dm.json", """{"routing":{"lanes":[{"lane":"summarize","files":{"minBytes":200000}}]}}""");

        UserPromptSubmitHook.Decide("what went wrong? see logs/deploy.log", new WorkspacePaths(_dir.Path)).Decision.Context.Should().BeNull();
        _dir.Write(".claude/dm.json", """{"routing":{"lanes":[{"lane":"summarize","files":{"minBytes":1000}}]}}""");
        UserPromptSubmitHook.Decide("what went wrong? see logs/deploy.log", new WorkspacePaths(_dir.Path)).Decision.Lanes.Should().Equal("summarize");
    }

    public void Dispose()
    {
        _dir.Dispose();
        _outside.Dispose();
    }
}
