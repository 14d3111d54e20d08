namespace DistributedModel.Cli.Tests.Support;

/// <summary>Realistic pre-existing user configuration, deliberately not in our output format (4-space indent, no trailing newline, unicode).</summary>
public static class UserFiles
{
    public const string Settings = """
        {
            "$schema": "https://json.schemastore.org/claude-code-settings.json",
            "permissions": { "allow": ["Bash(npm run lint)", "Read(~/.zshrc)"], "deny": ["Read(./.env)"] },
            "hooks": {
                "PostToolUse": [
                    { "matcher": "Edit|Write", "hooks": [ { "type": "command", "command": "npx prettier --write \"$FILE\"" } ] }
                ],
                "Stop": [ { "hooks": [ { "type": "command", "command": "say fertig — done" } ] } ]
            },
            "env": { "FOO": "bär" },
            "model": "opus"
        }
        """;

    public const string Mcp = """
        {"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}}},
         "extra": [1, 2, 3]}
        """;

    public const string ClaudeJson = """
        {
          "numStartups": 42,
          "theme": "dark",
          "mcpServers": {
            "memory": {
              "type": "stdio",
              "command": "npx",
              "args": ["-y", "@modelcontextprotocol/server-memory"],
              "env": {}
            }
          },
          "projects": {"/work/x": {"allowedTools": [], "history": []}}
        }
        """;
}
