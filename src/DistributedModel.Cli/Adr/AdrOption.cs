namespace DistributedModel.Cli.Adr;

/// <summary>One option of a decision record: <c>## Option: name</c> with a summary, <c>### Pros</c> and <c>### Cons</c> bullets.</summary>
public sealed record AdrOption(string? Id, string Name, string Summary, IReadOnlyList<string> Pros, IReadOnlyList<string> Cons, bool Chosen);
