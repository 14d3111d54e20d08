namespace DistributedModel.Core.Lanes;

/// <summary>The lanes the MCP server uses (dm.json <c>lanes</c> keys, ledger <c>lane</c> values).</summary>
public static class LaneNames
{
    public const string Summarize = "summarize";
    public const string Scaffold = "scaffold";
    public const string Consult = "consult";
    public const string Tribunal = "tribunal";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [Summarize, Scaffold, Consult, Tribunal, Review];
}
