using System.Diagnostics;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Execution;

/// <summary>
/// One tool call in flight: its cancellation (client cancel or the tool's time limit) and its progress reporting.
/// Stages are reported as they start; while a stage runs, a heartbeat repeats it every <c>ProgressInterval</c>.
/// </summary>
internal sealed class ToolContext : IDisposable
{
    private readonly IProgress<ProgressNotificationValue> _progress;
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ITimer _heartbeat;
    private string _stage = "starting";
    private int _step;

    public ToolContext(IProgress<ProgressNotificationValue>? progress, TimeSpan heartbeat, TimeProvider time, CancellationToken token)
    {
        _progress = progress ?? new Progress<ProgressNotificationValue>();
        Token = token;
        _heartbeat = time.CreateTimer(_ => Beat(), null, heartbeat, heartbeat);
    }

    public CancellationToken Token { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Announces a stage (e.g. "digesting chunk 2 of 5").</summary>
    public void Report(string stage)
    {
        lock (_gate)
        {
            _stage = stage;
            Send(stage);
        }
    }

    private void Beat()
    {
        lock (_gate) Send($"{_stage} ({_clock.Elapsed.TotalSeconds:0}s)");
    }

    private void Send(string message)
    {
        try { _progress.Report(new ProgressNotificationValue { Progress = ++_step, Message = message }); }
        catch (InvalidOperationException) { /* the transport went away; the tool's own result/cancel path will tell */ }
    }

    public void Dispose() => _heartbeat.Dispose();
}
