namespace DistributedModel.Cli.Tests.Support;

public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- err ---\n{Err}";
}
