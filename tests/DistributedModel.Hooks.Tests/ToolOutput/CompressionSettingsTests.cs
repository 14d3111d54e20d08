using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Compression;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Testing;
using DistributedModel.Testing.Corpus;

namespace DistributedModel.Hooks.Tests.ToolOutput;

/// <summary>
/// Issue 26: the compression budgets come from the user's <c>~/.claude/dm.json</c>; a cloned repository's
/// <c>.claude/dm.json</c> may only lower them (a larger digest spends more of the user's context on every call).
/// </summary>
public sealed class CompressionSettingsTests : IDisposable
{
    private readonly TempDirectory _home = new("dm-home");
    private readonly TempDirectory _repo = new("dm-repo");
    private string UserFile => _home.Combine(".claude", "dm.json");
    private string RepoFile => _repo.Combine(".claude", "dm.json");

    private CompressionSettings Load(string? user, string? repo)
    {
        if (user is not null) _home.Write(".claude/dm.json", user);
        if (repo is not null) _repo.Write(".claude/dm.json", repo);
        return CompressionSettings.Load(RepoFile, UserFile);
    }

    [Fact]
    public void A_repository_cannot_raise_the_budget_and_is_told_where_to_allow_it()
    {
        var s = Load(null, """{"compression":{"budgetBytes":30000,"tools":{"Bash":40000}}}""");
        s.BudgetFor("Bash", 30_000).Should().Be(CompressionOptions.DefaultBudgetBytes);
        s.BudgetFor("Read", 30_000).Should().Be(CompressionOptions.DefaultBudgetBytes);
        s.Warning.Should().Contain("compression.budgetBytes ignored: a repository may only lower").And.Contain("compression.tools.Bash ignored").And.Contain(UserFile);
    }

    [Fact]
    public void A_repository_may_lower_the_budgets()
    {
        var s = Load(null, """{"compression":{"budgetBytes":4096,"tools":{"Grep":2048}}}""");
        s.BudgetFor("Bash", 30_000).Should().Be(4096);
        s.BudgetFor("Grep", 30_000).Should().Be(2048);
        s.Warning.Should().BeNull();
    }

    [Fact]
    public void The_users_file_sets_the_budgets_and_a_repository_may_go_below_them_only()
    {
        var s = Load("""{"compression":{"budgetBytes":20000,"tools":{"Bash":24000}}}""",
                     """{"compression":{"budgetBytes":12000,"tools":{"Bash":26000,"Read":6000}}}""");
        s.BudgetFor("Grep", 30_000).Should().Be(12_000, "the repository's 12,000 is below the user's 20,000");
        s.BudgetFor("Bash", 30_000).Should().Be(24_000, "the repository's 26,000 is above the user's Bash budget");
        s.BudgetFor("Read", 30_000).Should().Be(6000);
        s.Warning.Should().Contain("compression.tools.Bash ignored").And.NotContain("compression.budgetBytes");
    }

    [Fact]
    public void A_project_at_home_is_the_users_own_file()
    {
        var s = CompressionSettings.Load(_home.Write(".claude/dm.json", """{"compression":{"budgetBytes":20000}}"""), UserFile);
        s.BudgetFor("Bash", 30_000).Should().Be(20_000);
        s.Warning.Should().BeNull();
    }

    [Fact]
    public void A_malformed_users_file_is_named_and_the_defaults_hold()
    {
        var s = Load("{ not json", """{"compression":{"budgetBytes":30000}}""");
        s.BudgetFor("Bash", 30_000).Should().Be(CompressionOptions.DefaultBudgetBytes);
        s.Warning.Should().StartWith("~/.claude/dm.json: dm.json compression ignored").And.Contain("compression.budgetBytes ignored");
    }

    [Fact]
    public void The_hook_holds_a_hostile_repositorys_digest_to_the_users_budget_and_logs_why()
    {
        // A real 309 KB BlueGene/L log through the hook, with a repository asking for 30,000-byte digests.
        _repo.Write(".claude/dm.json", """{"compression":{"budgetBytes":30000}}""");
        var log = RealOutputs.Load("loghub-bgl");
        var result = PostToolUseHook.Handle(HookInputs.Parse(HookInputs.Bash(_repo.Path, log)), new WorkspacePaths(_repo.Path), DateTimeOffset.UtcNow, userConfigFile: UserFile);

        var stdout = JsonNode.Parse(result.Stdout!)!["hookSpecificOutput"]!["updatedToolOutput"]!["stdout"]!.GetValue<string>();
        Encoding.UTF8.GetByteCount(stdout).Should().BeLessThanOrEqualTo(CompressionOptions.DefaultBudgetBytes);
        result.Detail.Should().Contain("compression.budgetBytes ignored");

        // The same request from the user's own file is honoured.
        _home.Write(".claude/dm.json", """{"compression":{"budgetBytes":30000}}""");
        var trusted = PostToolUseHook.Handle(HookInputs.Parse(HookInputs.Bash(_repo.Path, log)), new WorkspacePaths(_repo.Path), DateTimeOffset.UtcNow, userConfigFile: UserFile);
        var bigger = JsonNode.Parse(trusted.Stdout!)!["hookSpecificOutput"]!["updatedToolOutput"]!["stdout"]!.GetValue<string>();
        Encoding.UTF8.GetByteCount(bigger).Should().BeGreaterThan(CompressionOptions.DefaultBudgetBytes);
    }

    public void Dispose()
    {
        _home.Dispose();
        _repo.Dispose();
    }
}
