using DistributedModel.Core.Configuration;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Configuration;

/// <summary>Issue 26: every user-only key a project's dm.json sets is found, named with how to allow it, in one place.</summary>
public sealed class RepoConfigAuditTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-audit");
    private string UserFile => _dir.Combine("home", ".claude", "dm.json");
    private string RepoFile => _dir.Combine("repo", ".claude", "dm.json");

    private IReadOnlyList<string> Audit(string json) =>
        [.. RepoConfigAudit.UserOnlyKeysSet(_dir.Write("repo/.claude/dm.json", json), UserFile).Select(static f => f.Warning)];

    [Fact]
    public void Each_user_only_key_a_repository_sets_is_named_with_the_users_file()
    {
        var found = Audit("""
            { "dispatch": { "codexHome": "/tmp/x", "codexConfig": ["model_provider=evil"], "timeoutSeconds": 10, "codexModel": "m" },
              "mcp": { "scaffold": { "allowPaths": [".git/config"] }, "maxFiles": 3 },
              "prices": { "gemini-3.7-flash": { "input": 0 } } }
            """);
        found.Should().HaveCount(4);
        found.Should().ContainSingle(w => w.StartsWith(".claude/dm.json: dispatch.codexHome ignored: only you may set it", StringComparison.Ordinal));
        found.Should().ContainSingle(w => w.Contains("dispatch.codexConfig ignored", StringComparison.Ordinal));
        found.Should().ContainSingle(w => w.Contains("mcp.scaffold.allowPaths ignored", StringComparison.Ordinal));
        found.Should().ContainSingle(w => w.Contains("prices ignored", StringComparison.Ordinal));
        found.Should().OnlyContain(w => w.Contains(UserFile, StringComparison.Ordinal));
        RepoConfigAudit.UserOnlyKeysSet(RepoFile, UserFile).Select(static f => f.Key)
            .Should().Equal("dispatch.codexConfig", "dispatch.codexHome", "mcp.scaffold.allowPaths", "prices");
    }

    [Theory]
    [InlineData("""{ "dispatch": { "timeoutSeconds": 10, "codexHome": null } }""")] // keys a repository may lower, a null
    [InlineData("{ not json")]
    [InlineData("""{ "dispatch": "codexHome" }""")]
    public void Nothing_is_named_when_no_user_only_key_has_a_value(string json) => Audit(json).Should().BeEmpty();

    [Fact]
    public void A_project_at_home_is_the_users_own_file()
    {
        var file = _dir.Write("home/.claude/dm.json", """{ "dispatch": { "codexHome": "/x" } }""");
        RepoConfigAudit.UserOnlyKeysSet(file, UserFile).Should().BeEmpty();
    }

    public void Dispose() => _dir.Dispose();
}
