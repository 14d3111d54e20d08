namespace DistributedModel.Testing.Providers.Contracts;

/// <summary>
/// A request the real provider would reject: the HTTP status and the provider's own error body, plus the rule that
/// fired (its id names the documentation or SDK source next to the rule, see the provider's <c>…Contract</c> class).
/// </summary>
public sealed record ContractViolation(string Rule, int Status, string Body);
