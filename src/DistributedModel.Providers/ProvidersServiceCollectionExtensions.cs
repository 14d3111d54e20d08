using DistributedModel.Core.Workspace;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.DeepSeek;
using DistributedModel.Providers.Gemini;
using DistributedModel.Providers.Lanes;
using DistributedModel.Providers.Ledger;
using DistributedModel.Providers.Ollama;
using DistributedModel.Providers.OpenAI;
using DistributedModel.Providers.Resilience;
using DistributedModel.Providers.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DistributedModel.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILaneClient"/> and the four provider clients. Reads keys and base URLs from the environment
    /// (or the same names in <paramref name="config"/>, which win; an empty value there means "not set") and
    /// <c>.claude/dm.json</c>. Throws <see cref="InvalidOperationException"/> listing every configuration problem.
    /// </summary>
    public static IServiceCollection AddDistributedModelProviders(this IServiceCollection services, WorkspacePaths paths, IConfiguration? config = null) =>
        services.AddDistributedModelProviders(paths, config, _ => { });

    public static IServiceCollection AddDistributedModelProviders(this IServiceCollection services, WorkspacePaths paths,
        IConfiguration? config, Action<DistributedModelProvidersOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DistributedModelProvidersOptions();
        configure(options);
        var settings = DmSettingsLoader.LoadWithProblems(paths, config); // a bad value never stops the host: it is reported
        var redactor = new Redactor(settings.Secrets());

        services.AddSingleton(settings);
        services.AddSingleton(new ProviderConfigurationProblems(settings.Problems, settings.Ignored));
        services.AddSingleton(redactor);
        services.AddSingleton(new LedgerWriter(paths));
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        AddProvider<GeminiClient>(services, settings.Providers[ProviderNames.Gemini], GeminiClient.HttpClientName,
            (http, p, clock) => new GeminiClient(http, p, redactor, clock));
        AddProvider<DeepSeekClient>(services, settings.Providers[ProviderNames.DeepSeek], DeepSeekClient.HttpClientName,
            (http, p, clock) => new DeepSeekClient(http, p, redactor, clock));
        AddProvider<OpenAIClient>(services, settings.Providers[ProviderNames.OpenAI], OpenAIClient.HttpClientName,
            (http, p, clock) => new OpenAIClient(http, p, redactor, clock));
        AddProvider<OllamaClient>(services, settings.Providers[ProviderNames.Ollama], OllamaClient.HttpClientName,
            (http, p, clock) => new OllamaClient(http, p, redactor, clock));

        services.AddSingleton<ProviderClients>();
        services.AddSingleton<ILaneClient, LaneClient>();
        return services;
    }

    private static void AddProvider<TClient>(IServiceCollection services, ProviderSettings p, string name,
        Func<HttpClient, ProviderSettings, TimeProvider, TClient> create)
        where TClient : class, IProviderClient
    {
        var http = services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan);
        http.AddResilienceHandler(name, (builder, context) =>
        {
            var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
            builder.TimeProvider = clock; // back-off, Retry-After waits, breaker and timeouts on the one clock
            ResilienceSetup.Configure(builder, p, clock);
        });
        http.AddHttpMessageHandler(() => new AttemptCounterHandler()); // inner: counts every attempt
        services.AddTransient(sp => create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), p, sp.GetRequiredService<TimeProvider>()));
    }
}
