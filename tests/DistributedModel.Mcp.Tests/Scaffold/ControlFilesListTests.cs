using DistributedModel.Mcp.Scaffold;

namespace DistributedModel.Mcp.Tests.Scaffold;

/// <summary>Issue 26 item 10: the denial list covers CI, agent and editor control files, one case per entry (the data-driven
/// lists themselves), so adding an entry without a case, or a case without an entry, fails here.</summary>
public sealed class ControlFilesListTests
{
    private static readonly string[] DeniedPaths =
    [
        ".gitlab-ci.yml", ".circleci/config.yml", ".pre-commit-config.yaml", "tools/.pre-commit-config.yaml", "lefthook.yml",
        ".lefthook.yml", "lefthook-local.yml", ".github/actions/setup/action.yml", ".github/copilot-instructions.md",
        ".github/instructions/cs.instructions.md", ".cursor/rules/x.mdc", "pkg/.cursor/mcp.json", ".cursorrules", ".windsurfrules",
        "GEMINI.md", "docs/GEMINI.md", ".gemini/settings.json", ".idea/workspace.xml", ".vscode/tasks.json", "app/.vscode/tasks.json",
        ".claude-plugin/plugin.json", "plugins/x/.claude-plugin/marketplace.json", ".travis.yml", "azure-pipelines.yml",
        ".gitlab/ci/build.yml",
        // the earlier list still holds
        ".git/config", ".git/hooks/pre-commit", ".claude/settings.local.json", ".mcp.json", "CLAUDE.md", "sub/CLAUDE.local.md", "AGENTS.md", ".envrc",
        ".github/workflows/ci.yml", ".devcontainer/devcontainer.json", ".githooks/pre-push", ".husky/pre-commit", ".codex/config.toml",
        ".gitmodules", ".gitattributes",
    ];

    public static TheoryData<string> Denied => new(DeniedPaths);

    [Theory]
    [MemberData(nameof(Denied))]
    public void A_control_file_is_denied_with_a_reason_and_allow_paths_of_the_user_can_lift_it(string path)
    {
        ControlFiles.Reason(path).Should().NotBeNullOrEmpty();
        ControlFiles.Allowed(path, [], out _).Should().BeFalse();
        ControlFiles.Allowed(path, [path], out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("src/gitlab-ci.yml.md")]
    [InlineData("docs/ci/workflows/ci.yml")]
    [InlineData("src/lefthook.ts")]
    [InlineData("tests/cursor/rules.cs")]
    [InlineData("sub/.gitlab-ci.yml")]
    public void Ordinary_files_with_similar_names_are_written(string path) =>
        ControlFiles.Reason(path).Should().BeNull();

    [Fact]
    public void Every_list_entry_has_a_denied_case()
    {
        var cases = DeniedPaths;
        foreach (var dir in ControlFiles.AnyDepthDirectories.Concat(ControlFiles.RootDirectories))
            cases.Should().Contain(c => c.StartsWith(dir + "/", StringComparison.Ordinal) || c.Contains("/" + dir + "/", StringComparison.Ordinal), dir);
        foreach (var file in ControlFiles.RootFiles.Concat(ControlFiles.FileNames))
            cases.Should().Contain(c => c == file || c.EndsWith("/" + file, StringComparison.Ordinal), file);
    }
}
