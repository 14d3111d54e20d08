namespace DistributedModel.Cli.Tests.Support;

/// <summary>Tests that start the real Claude Code CLI run one at a time (it is heavy on a 2-core machine).</summary>
[CollectionDefinition(Name)]
public sealed class RealClaudeCollection
{
    public const string Name = "real claude CLI";
}
