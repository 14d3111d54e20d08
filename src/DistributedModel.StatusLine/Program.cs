// Claude Code statusLine command (Native AOT): prints one short line about today's Distributed Model activity.
// Reads Claude Code's status JSON on stdin; always prints a line and exits 0 (see StatusLineProgram).
using DistributedModel.StatusLine;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return StatusLineProgram.Run(stdin, stdout, TimeProvider.System, Environment.GetEnvironmentVariable("CLAUDE_PROJECT_DIR"));
