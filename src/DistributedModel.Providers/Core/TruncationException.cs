namespace DistributedModel.Providers.Core;

/// <summary>
/// A provider answered 200 with a cut answer (<see cref="ProviderErrorClass.Truncated"/>). <see cref="LargerBudgetHelps"/>:
/// the output budget ran out (retrying with a larger one can help), as opposed to a prompt cut to the context.
/// </summary>
internal sealed class TruncationException(string provider, string message, bool largerBudgetHelps)
    : ProviderException(provider, ProviderErrorClass.Truncated, message)
{
    public bool LargerBudgetHelps { get; } = largerBudgetHelps;
}
