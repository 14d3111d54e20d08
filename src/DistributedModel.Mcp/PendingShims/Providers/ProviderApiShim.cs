// Temporary: the COMMON.md provider API, compiled only until src/DistributedModel.Providers lands (see the csproj).
#pragma warning disable CA1032, CA1064, CA1819
namespace DistributedModel.Providers;

public interface ILaneClient
{
    Task<LaneResponse> CompleteAsync(LaneRequest request, CancellationToken ct = default);
}

public sealed record LaneRequest(string Lane, string SystemPrompt, string UserPrompt)
{
    public string? Provider { get; init; }
    public string? Model { get; init; }
    public bool JsonOutput { get; init; }
    public string? JsonSchema { get; init; }
    public int? MaxOutputTokens { get; init; }
    public string? ReasoningEffort { get; init; }
}

public sealed record LaneResponse(string Text, string Provider, string Model, bool FallbackUsed, string? FallbackFrom,
    TokenUsage Usage, decimal CostUsd, TimeSpan Latency, int Attempts);

public sealed record TokenUsage(long Input, long Output, long Reasoning, long Cached);

public class ProviderException : Exception
{
    public ProviderException() : this(null, "unknown", "provider call failed") { }
    public ProviderException(string message) : this(null, "unknown", message) { }
    public ProviderException(string message, Exception innerException) : this(null, "unknown", message, innerException) { }
    public ProviderException(string? provider, string errorClass, string message, Exception? innerException = null)
        : base(message, innerException) { Provider = provider; ErrorClass = errorClass; }
    public string? Provider { get; }
    public string ErrorClass { get; }
}

public static class ProviderNames
{
    public const string Gemini = "gemini";
    public const string DeepSeek = "deepseek";
    public const string OpenAI = "openai";
    public const string Ollama = "ollama";
    public static IReadOnlyList<string> All { get; } = [Gemini, DeepSeek, OpenAI, Ollama];
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}

public static class LaneNames
{
    public const string Summarize = "summarize";
    public const string Scaffold = "scaffold";
    public const string Consult = "consult";
    public const string Tribunal = "tribunal";
    public const string Review = "review";
}

public static class ProvidersServiceCollectionExtensions
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddDistributedModelProviders(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services, DistributedModel.Hooks.Workspace.WorkspacePaths paths,
        Microsoft.Extensions.Configuration.IConfiguration? config = null) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<ILaneClient, PendingLaneClient>(services);

    private sealed class PendingLaneClient : ILaneClient
    {
        public Task<LaneResponse> CompleteAsync(LaneRequest request, CancellationToken ct = default) =>
            throw new ProviderException(null, "no_key", "the provider library is not merged into this build yet");
    }
}
