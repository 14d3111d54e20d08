using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DistributedModel.Testing;

/// <summary>
/// The one clock a test gives the code under test (register it as the DI <see cref="TimeProvider"/>). Wall time is a
/// <see cref="FakeTimeProvider"/> that moves only on <see cref="Advance"/>. Timers are real by default (so code that
/// merely waits a few milliseconds still runs); with <c>virtualTimers: true</c> they are virtual too: a retry back-off,
/// a Retry-After wait or a timeout fires only when the test advances the clock past it, and
/// <see cref="NextTimerAsync"/> tells the test, without polling, that the code is now waiting for one.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly FakeTimeProvider _fake;
    private readonly ConcurrentQueue<TimeSpan> _created = new();
    private readonly SemaphoreSlim _timerCreated = new(0);
    private int _cursor;

    public TestClock(DateTimeOffset start, bool virtualTimers = false)
    {
        _fake = new FakeTimeProvider(start);
        VirtualTimers = virtualTimers;
    }

    public bool VirtualTimers { get; }

    /// <summary>Every virtual timer's due time, in creation order (and each re-arm by <c>Change</c>).</summary>
    public IReadOnlyList<TimeSpan> TimersStarted => [.. _created];

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long TimestampFrequency => VirtualTimers ? _fake.TimestampFrequency : System.TimestampFrequency;

    public override long GetTimestamp() => VirtualTimers ? _fake.GetTimestamp() : System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (!VirtualTimers) return System.CreateTimer(callback, state, dueTime, period);
        var timer = new RecordingTimer(_fake.CreateTimer(callback, state, dueTime, period), this);
        Started(dueTime);
        return timer;
    }

    /// <summary>Moves wall time (and, with virtual timers, fires every timer that falls due).</summary>
    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Timers started so far are not looked at by <see cref="NextTimerAsync"/>.</summary>
    public void SkipStartedTimers() => Volatile.Write(ref _cursor, _created.Count);

    /// <summary>
    /// Completes when the code under test has started a virtual timer (after the last one returned, or since
    /// <see cref="SkipStartedTimers"/>) whose due time matches, e.g. a 1 s retry wait. Event-driven: no polling.
    /// </summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match, TimeSpan? giveUpAfter = null)
    {
        if (!VirtualTimers) throw new InvalidOperationException("NextTimerAsync needs a TestClock with virtual timers");
        using var limit = new CancellationTokenSource(giveUpAfter ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var timers = TimersStarted;
            for (var i = Volatile.Read(ref _cursor); i < timers.Count; i++)
                if (match(timers[i]))
                {
                    Volatile.Write(ref _cursor, i + 1);
                    return timers[i];
                }
            try { await _timerCreated.WaitAsync(limit.Token).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching timer was started; started: {string.Join(", ", TimersStarted)}");
            }
        }
    }

    private void Started(TimeSpan due)
    {
        if (due == Timeout.InfiniteTimeSpan) return;
        _created.Enqueue(due);
        _timerCreated.Release();
    }

    private sealed class RecordingTimer(ITimer inner, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Started(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
