using DistributedModel.Testing;
using DistributedModel.Testing.Providers;
using Microsoft.Extensions.Time.Testing;

namespace DistributedModel.Providers.Tests;

/// <summary>A temp workspace and a fixed ledger clock (Monday 2026-11-23 12:00 UTC: off-peak for DeepSeek).</summary>
public abstract class ProviderTestBase : IDisposable
{
    protected static readonly DateTimeOffset OffPeakNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected TempDirectory Workspace { get; } = new("dm-providers");

    protected FakeTimeProvider Clock { get; } = new(OffPeakNoon);

    protected ProviderTestHost Host(FakeGemini? gemini = null, FakeDeepSeek? deepseek = null, FakeOpenAI? openai = null,
        FakeOllama? ollama = null, IReadOnlyDictionary<string, string?>? keys = null, string? dmJson = null) =>
        ProviderTestHost.Create(Workspace.Path, gemini, deepseek, openai, ollama, keys, dmJson, Clock);

    public void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
