namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>An IProgress that records synchronously (Progress&lt;T&gt; posts to the thread pool and may lag behind).</summary>
public sealed class SyncProgress<T>(List<T> sink) : IProgress<T>
{
    public void Report(T value)
    {
        lock (sink) sink.Add(value);
    }
}

public static class SyncProgress
{
    public static SyncProgress<T> Of<T>(List<T> sink) => new(sink);
}
