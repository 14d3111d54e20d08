using DistributedModel.Providers.Core;
using DistributedModel.Providers.DeepSeek;
using DistributedModel.Providers.Gemini;
using DistributedModel.Providers.Ollama;
using DistributedModel.Providers.OpenAI;
using Microsoft.Extensions.DependencyInjection;

namespace DistributedModel.Providers.Lanes;

/// <summary>Resolves a provider's typed client by name (clients are transient; their handlers are pooled by the factory).</summary>
internal sealed class ProviderClients(IServiceProvider services)
{
    public IProviderClient Get(string provider) => provider switch
    {
        ProviderNames.Gemini => services.GetRequiredService<GeminiClient>(),
        ProviderNames.DeepSeek => services.GetRequiredService<DeepSeekClient>(),
        ProviderNames.OpenAI => services.GetRequiredService<OpenAIClient>(),
        ProviderNames.Ollama => services.GetRequiredService<OllamaClient>(),
        _ => throw new ArgumentException($"unknown provider '{provider}'; use one of {string.Join(", ", ProviderNames.All)}", nameof(provider)),
    };
}
