using DistributedModel.Testing.Processes;

namespace DistributedModel.Testing.Anthropic;

/// <summary>
/// Runs the real Claude Code CLI (npm <c>@anthropic-ai/claude-code</c>) in print mode against a <see cref="FakeAnthropicServer"/>,
/// with a throwaway HOME so the user's own configuration never leaks in. A run takes ~3 s on an idle machine; the default
/// time limit is generous because CI machines running several suites at once can be many times slower.
/// </summary>
public static class ClaudeCodeRunner
{
    public static Task<ProcessResult> RunAsync(string projectDir, string prompt, FakeAnthropicServer api, string home,
        IEnumerable<string>? allowedTools = null, TimeSpan? timeout = null, IEnumerable<string>? outputArgs = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        Directory.CreateDirectory(home);
        var args = new List<string> { "-p", prompt };
        // default: one JSON result; e.g. ["--output-format", "stream-json", "--verbose", "--include-hook-events"] shows every hook's outcome
        args.AddRange(outputArgs ?? ["--output-format", "json"]);
        args.Add("--allowedTools");
        args.AddRange(allowedTools ?? ["Bash", "Read", "Grep"]);
        var env = new Dictionary<string, string?>
        {
            ["ANTHROPIC_BASE_URL"] = api.BaseUrl,
            ["ANTHROPIC_API_KEY"] = "sk-test",
            ["ANTHROPIC_AUTH_TOKEN"] = null,
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["CLAUDE_CONFIG_DIR"] = null,
            ["CLAUDE_PROJECT_DIR"] = null,
            ["CLAUDECODE"] = null,
            ["MCP_TIMEOUT"] = "60000", // MCP server start-up allowance: node is slow on a loaded 2-core machine
        };
        return ProcessRunner.RunAsync(RepoPaths.NpmBin("claude"), args, projectDir, stdin: "", environment: env,
            timeout: timeout ?? TimeSpan.FromMinutes(4));
    }
}
