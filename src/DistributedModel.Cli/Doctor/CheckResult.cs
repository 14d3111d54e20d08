namespace DistributedModel.Cli.Doctor;

public enum CheckLevel
{
    Ok,
    Warn,
    Fail,
}

/// <summary>One line of <c>dm doctor</c>. Never carries a secret.</summary>
public sealed record CheckResult(string Name, CheckLevel Level, string Detail);
