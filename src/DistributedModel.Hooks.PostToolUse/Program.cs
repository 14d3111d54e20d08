// PostToolUse hook (Native AOT): compresses large tool output before it enters Claude's context.
// Reads the hook JSON on stdin, prints {"hookSpecificOutput":{...,"updatedToolOutput":...}} or nothing; always exits 0.
using DistributedModel.Hooks.ToolOutput;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return PostToolUseHook.Main(stdin, stdout);
