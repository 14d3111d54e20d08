// UserPromptSubmit hook (Native AOT): adds a short routing hint naming the Distributed Model MCP tools when the prompt
// matches a lane (rules: compiled-in defaults + the "routing" section of .claude/dm.json). Always exits 0.
// Arguments: --install repo|user|plugin (written by dm install / dm promote / dm plugin) picks how the hint names the tools.
using DistributedModel.Hooks.Routing;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return UserPromptSubmitHook.Main(stdin, stdout, args);
