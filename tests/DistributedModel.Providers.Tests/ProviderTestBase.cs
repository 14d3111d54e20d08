using DistributedModel.Testing;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests;

/// <summary>
/// A temp workspace and the one clock the library gets (Monday 2026-11-23 12:00 UTC: off-peak for DeepSeek). Its wall
/// time moves only when a test advances it; its timers are real unless a test builds a host on a
/// <see cref="TestClock"/> with virtual timers (<see cref="VirtualHost"/>).
/// </summary>
public abstract class ProviderTestBase : IDisposable
{
    protected static readonly DateTimeOffset OffPeakNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected TempDirectory Workspace { get; } = new("dm-providers");

    protected TestClock Clock { get; } = new(OffPeakNoon);

    protected ProviderTestHost Host(FakeGemini? gemini = null, FakeDeepSeek? deepseek = null, FakeOpenAI? openai = null,
        FakeOllama? ollama = null, IReadOnlyDictionary<string, string?>? keys = null, string? dmJson = null) =>
        ProviderTestHost.Create(Workspace.Path, gemini, deepseek, openai, ollama, keys, dmJson, Clock);

    /// <summary>A host whose retry waits, breaker and timeouts run on <paramref name="clock"/>'s virtual timers only.</summary>
    protected ProviderTestHost VirtualHost(TestClock clock, FakeGemini? gemini = null, FakeDeepSeek? deepseek = null, FakeOpenAI? openai = null,
        FakeOllama? ollama = null, string? dmJson = null) =>
        ProviderTestHost.Create(Workspace.Path, gemini, deepseek, openai, ollama, null, dmJson, clock);

    public void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
