namespace DistributedModel.Cli.Discover;

/// <summary>What Distributed Model did over a set of calls that ran with it (one session, or every such session).</summary>
public sealed class DmRun(IReadOnlyList<DmCallFinding> calls)
{
    public IReadOnlyList<DmCallFinding> Calls { get; } = calls;

    /// <summary>Calls the hook logged a hooks.log line for.</summary>
    public int Logged => Calls.Count(c => c.Logged is not null);

    /// <summary>Calls whose tool_result carries our digest header.</summary>
    public int Digests => Calls.Count(c => c.DigestShown);

    /// <summary>Bytes the tools produced, over the calls where that is known (<see cref="RawKnown"/>).</summary>
    public long RawBytes => Calls.Sum(c => c.RawBytes ?? 0);

    public int RawKnown => Calls.Count(c => c.RawBytes is not null);

    /// <summary>Bytes that entered the context (the tool_result texts).</summary>
    public long ContextBytes => Calls.Sum(c => c.ContextBytes);

    /// <summary>What Claude Code alone would have put there, over the calls where that is known, and what went there instead.</summary>
    public long NativeBytes => Calls.Where(c => c.NativeBytes is not null).Sum(c => c.NativeBytes!.Value);

    public long ContextBytesWhereNativeKnown => Calls.Where(c => c.NativeBytes is not null).Sum(c => c.ContextBytes);

    /// <summary>Calls dm replaced whose hooks.log line is gone: no "without dm" figure for them.</summary>
    public int NativeUnknown => Calls.Count(c => c.NativeBytes is null);

    public int Surfaced => Calls.Sum(c => c.Surfaced);

    public int SurfacedErrors => Calls.Sum(c => c.SurfacedErrors);

    public int SurfacedWarnings => Calls.Sum(c => c.SurfacedWarnings);
}
