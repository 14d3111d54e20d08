namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>
/// Test classes that start the real codex CLI run one after another: on a 2-core machine parallel codex processes only
/// compete for CPU and make the time-limit tests flaky. They still run in parallel with the other tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CodexCollection
{
    public const string Name = "real codex CLI";
}
