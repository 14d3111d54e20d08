namespace DistributedModel.Providers.Core;

/// <summary>
/// DeepSeek JSON mode answered 200 with content of only whitespace (<see cref="ProviderErrorClass.EmptyResponse"/>).
/// The JSON-mode guide says to retry such an answer [D5]: the lane asks the same provider once more, same budget,
/// instead of falling back. The blank attempt is billed and carries its usage.
/// </summary>
internal sealed class BlankJsonAnswerException(string provider, string message)
    : ProviderException(provider, ProviderErrorClass.EmptyResponse, message);
