// UserPromptSubmit hook (Native AOT): adds a short routing hint naming the Distributed Model MCP tools when the prompt
// matches a lane (rules: compiled-in defaults + the "routing" section of .claude/dm.json). Always exits 0.
using DistributedModel.Hooks.Routing;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return UserPromptSubmitHook.Main(stdin, stdout);
