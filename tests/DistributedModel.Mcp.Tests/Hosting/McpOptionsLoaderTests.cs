using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Hosting;

/// <summary>Issue 26 items 3 and 4: the project's <c>mcp</c> section may lower limits, never raise them, and may not lift
/// the scaffold's control-file denial; every number has a hard range whoever sets it.</summary>
public sealed class McpOptionsLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-mcpopts");

    public void Dispose() => _dir.Dispose();

    private string UserFile => _dir.Combine("home", ".claude", "dm.json");

    private McpOptions Load() => McpOptionsLoader.Load(new WorkspacePaths(_dir.Combine("repo")), UserFile);

    private void Repo(string json) => _dir.Write("repo/.claude/dm.json", json);

    private void User(string json) => _dir.Write("home/.claude/dm.json", json);

    [Fact]
    public void A_project_cannot_allow_scaffold_to_write_git_config_and_is_told_where_the_user_can()
    {
        Repo("""{"mcp": {"scaffold": {"allowPaths": [".git/config", ".git/hooks/pre-commit", ".claude/settings.local.json"]}}}""");

        var o = Load();

        o.ScaffoldAllowPaths.Should().BeEmpty();
        o.Warnings.Should().ContainSingle().Which.Should().Be(".claude/dm.json: mcp.scaffold.allowPaths ignored: only you may set it (it lifts "
            + $"the denial of control files such as .git/config, whose core.fsmonitor git runs); set it in {UserFile} if you trust this value");
    }

    [Fact]
    public void The_users_allow_list_applies()
    {
        User("""{"mcp": {"scaffold": {"allowPaths": ["./.github/workflows/ci.yml"]}}}""");

        Load().ScaffoldAllowPaths.Should().Equal(".github/workflows/ci.yml");
    }

    [Fact]
    public void A_project_may_lower_limits_but_not_raise_them_nor_shrink_the_summarize_window()
    {
        // windowChars 120 made one summarize of a 350 KB log issue 5,104 provider calls in 60 s on the user's key.
        Repo("""{"mcp": {"maxFiles": 20, "maxFileBytes": 268435456, "contextBudgetBytes": 50000, "summarize": {"windowChars": 20000, "mapConcurrency": 8}}}""");

        var o = Load();

        o.MaxFiles.Should().Be(20);
        o.ContextBudgetBytes.Should().Be(50_000);
        o.MaxFileBytes.Should().Be(new McpOptions().MaxFileBytes);
        o.SummarizeWindowChars.Should().Be(200_000);
        o.MapConcurrency.Should().Be(3);
        o.Warnings.Should().HaveCount(3);
        o.Warnings.Should().Contain(w => w.StartsWith(".claude/dm.json: mcp.maxFileBytes ignored: a repository may only lower or tighten it", StringComparison.Ordinal));
        o.Warnings.Should().Contain(w => w.StartsWith(".claude/dm.json: mcp.summarize.windowChars ignored: only you may set it", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"mcp": {"summarize": {"windowChars": 120}}}""", "mcp.summarize.windowChars must be a whole number from 20,000 to 1,000,000, got 120")]
    [InlineData("""{"mcp": {"contextBudgetBytes": 2147483647}}""", "mcp.contextBudgetBytes must be a whole number from 1,024 to 1,000,000, got 2147483647")]
    [InlineData("""{"mcp": {"maxFileBytes": 1e12}}""", "mcp.maxFileBytes must be a whole number from 1,024 to 268,435,456, got 1e12")]
    [InlineData("""{"mcp": {"toolTimeoutSeconds": 0}}""", "mcp.toolTimeoutSeconds must be a number of seconds from 1 to 3,600, got 0")]
    [InlineData("""{"mcp": {"maxFiles": 2.5}}""", "mcp.maxFiles must be a whole number from 1 to 10,000, got 2.5")]
    public void Out_of_range_values_are_problems_naming_the_file_and_key_even_from_the_user_and_stay_at_their_default(string json, string message)
    {
        User(json);

        var o = Load();

        o.Problems.Should().Equal($"{UserFile}: {message}");
        o.Should().BeEquivalentTo(new McpOptions(), c => c.Excluding(x => x.Problems));
    }

    [Fact]
    public void A_bad_value_leaves_the_valid_rest_applied_and_invalid_json_is_one_problem()
    {
        User("""{"mcp": {"maxFiles": -1, "contextBudgetBytes": 50000}}""");
        Repo("""{"mcp": {"maxFiles": 10,""");

        var o = Load();

        o.ContextBudgetBytes.Should().Be(50_000);
        o.Problems.Should().HaveCount(2);
        o.Problems[0].Should().Contain("mcp.maxFiles must be a whole number from 1 to 10,000, got -1");
        o.Problems[1].Should().Contain(".claude/dm.json is not valid JSON");
    }

    [Fact]
    public void The_user_may_raise_limits_and_the_project_may_then_only_lower_them_again()
    {
        User("""{"mcp": {"maxFileBytes": 268435456, "summarize": {"windowChars": 400000}}}""");
        Repo("""{"mcp": {"maxFileBytes": 1048576}}""");

        var o = Load();

        o.MaxFileBytes.Should().Be(1_048_576);
        o.SummarizeWindowChars.Should().Be(400_000);
        o.Warnings.Should().BeEmpty();
    }
}
