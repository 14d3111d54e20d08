using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.Ledger;
using DistributedModel.Providers.Reasoning;
using DistributedModel.Providers.Resilience;
using DistributedModel.Providers.Security;
using DistributedModel.Core.Ledger;
using DistributedModel.Core.Lanes;

namespace DistributedModel.Providers.Lanes;

/// <summary>
/// Runs a lane's fallback chain: skips providers without a key, refuses when the lane's daily budget is spent,
/// writes one ledger line per provider tried, and reports every provider's failure if none answered.
/// </summary>
internal sealed class LaneClient(DmProviderSettings settings, ProviderClients clients, LedgerWriter ledger, Redactor redactor,
    TimeProvider clock) : ILaneClient
{
    public async Task<LaneResponse> CompleteAsync(LaneRequest request, CancellationToken ct = default)
    {
        Validate(request);
        var lane = settings.Lane(request.Lane);
        IReadOnlyList<string> chain = request.Provider is { } pinned ? [pinned] : lane.Chain;

        CheckBudget(request, lane, chain);

        var failures = new List<ProviderFailure>();
        string? previous = null;
        foreach (var name in chain)
        {
            var provider = settings.Providers[name];
            var model = request.Provider is not null && request.Model is not null ? request.Model
                : lane.Models.TryGetValue(name, out var laneModel) ? laneModel : provider.DefaultModel;

            if (provider.BlockedReason is { } blocked)
            {
                Write(Record(lane.Name, name, model, previous, LedgerOutcome.Refused, ProviderErrorClass.BaseUrlRefused, blocked));
                failures.Add(new ProviderFailure(name, ProviderErrorClass.BaseUrlRefused, $"{name}: refused, {blocked}"));
                previous = name;
                continue;
            }

            if (!provider.HasKey)
            {
                var reason = provider.MissingKeyReason;
                Write(Record(lane.Name, name, model, previous, LedgerOutcome.Refused, ProviderErrorClass.NoKey, reason));
                failures.Add(new ProviderFailure(name, ProviderErrorClass.NoKey, $"{name}: skipped, {reason}"));
                previous = name;
                continue;
            }

            var budget = request.MaxOutputTokens ?? lane.MaxOutputTokens;
            int? retriedWith = null;
            var blankRetried = false;
            while (true)
            {
                var scope = new CallScope(lane.AttemptTimeout, lane.TotalTimeout);
                var call = new ProviderCall(lane.Name, request.SystemPrompt ?? "", request.UserPrompt, model, scope)
                {
                    JsonOutput = request.JsonOutput,
                    JsonSchema = request.JsonSchema,
                    MaxOutputTokens = budget,
                    ReasoningEffort = request.ReasoningEffort ?? lane.ReasoningEffort,
                };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var result = await clients.Get(name).CompleteAsync(call, ct).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var now = clock.GetUtcNow();
                    var cost = settings.Prices.Cost(name, result.Model, result.Usage, now);
                    if (cost is null && result.Model != model) cost = settings.Prices.Cost(name, model, result.Usage, now);
                    var baseline = settings.Baseline.Cost(result.Usage);
                    Write(new LedgerRecord
                    {
                        Ts = LedgerWriter.Timestamp(now), Lane = lane.Name, Provider = name, Model = result.Model,
                        In = result.Usage.Input, Out = result.Usage.Output, Reasoning = result.Usage.Reasoning, Cached = result.Usage.Cached,
                        CacheWrite = result.Usage.CacheWrite,
                        CostUsd = cost, Unpriced = cost is null ? true : null, Local = name == ProviderNames.Ollama ? true : null, BaselineUsd = baseline,
                        Ms = Math.Round(elapsed.TotalMilliseconds, 1), Attempts = Math.Max(1, scope.Attempts),
                        FallbackFrom = previous, Outcome = LedgerOutcome.Ok,
                        Detail = cost is null
                            ? $"no price for model {result.Model}: cost unknown (add it under prices in dm.json)"
                            : name == ProviderNames.Ollama ? "local model: $0 by rule, not a price"
                            : retriedWith is { } r ? $"answer after a truncated one, with maxOutputTokens {r}" : null,
                    });
                    return new LaneResponse(result.Text, name, result.Model, previous is not null, previous, result.Usage, cost ?? 0m, elapsed,
                        Math.Max(1, scope.Attempts)) { Unpriced = cost is null, RetriedWithMaxOutputTokens = retriedWith };
                }
                catch (TruncationException ex) when (ex.LargerBudgetHelps && retriedWith is null && RetryBudget(lane, budget) is { } larger)
                {
                    // A cut answer is never returned; the output budget (reasoning included) was too small: once more with more room.
                    Write(Billed(Record(lane.Name, name, model, previous, LedgerOutcome.Error, ex.ErrorClass, ex.Message + $"; retrying with maxOutputTokens {larger}",
                        Stopwatch.GetElapsedTime(started), scope.Attempts), name, model, ex));
                    budget = larger;
                    retriedWith = larger;
                }
                catch (BlankJsonAnswerException ex) when (!blankRetried)
                {
                    // DeepSeek's JSON-mode guide: a blank answer is retried, not a reason to fall back. Billed, so booked.
                    Write(Billed(Record(lane.Name, name, model, previous, LedgerOutcome.Error, ex.ErrorClass, ex.Message + "; retrying once",
                        Stopwatch.GetElapsedTime(started), scope.Attempts), name, model, ex));
                    blankRetried = true;
                }
                catch (ProviderException ex)
                {
                    Write(Billed(Record(lane.Name, name, model, previous, LedgerOutcome.Error, ex.ErrorClass, ex.Message,
                        Stopwatch.GetElapsedTime(started), scope.Attempts), name, model, ex));
                    failures.Add(new ProviderFailure(name, ex.ErrorClass, ex.Message));
                    previous = name;
                    break;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    Write(Record(lane.Name, name, model, previous, LedgerOutcome.Error, ProviderErrorClass.Cancelled, "cancelled by the caller",
                        Stopwatch.GetElapsedTime(started), scope.Attempts));
                    throw;
                }
            }
        }

        var last = failures[^1];
        var errorClass = failures.Count == 1 ? last.ErrorClass
            : failures.All(f => f.ErrorClass == ProviderErrorClass.NoKey) ? ProviderErrorClass.NoKey : ProviderErrorClass.AllFailed;
        var message = request.Provider is not null
            ? $"lane '{lane.Name}' (pinned to {request.Provider}): {last.Message}"
            : $"lane '{lane.Name}': no provider answered ({string.Join(" → ", chain)}). " + string.Join("; ", failures.Select(f => f.Message));
        if (request.DeterministicFallback is { } fallback)
        {
            var reason = redactor.Redact(message);
            Write(Record(lane.Name, "none", null, previous, LedgerOutcome.Degraded, errorClass, "no model answered: deterministic substitute returned. " + reason));
            return new LaneResponse(fallback(), "none", "deterministic", true, previous, TokenUsage.None, 0m, TimeSpan.Zero, 0)
            {
                Degraded = true, DegradedReason = reason,
            };
        }
        throw new ProviderException(failures.Count == 1 ? last.Provider : null, errorClass, redactor.Redact(message), null, failures);
    }

    /// <summary>Twice the budget, capped at the lane's <c>truncationRetryMaxOutputTokens</c>; null when that is no larger (no retry).</summary>
    private static int? RetryBudget(LaneSettings lane, int budget)
    {
        var larger = (int)Math.Min((long)budget * 2, lane.TruncationRetryMaxOutputTokens);
        return larger > budget ? larger : null;
    }

    private static void Validate(LaneRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Lane)) throw new ArgumentException("LaneRequest.Lane is empty; use one of " + string.Join(", ", LaneNames.All), nameof(request));
        if (request.UserPrompt is null) throw new ArgumentException("LaneRequest.UserPrompt is null", nameof(request));
        if (request.Provider is not null && !ProviderNames.IsKnown(request.Provider))
            throw new ArgumentException($"LaneRequest.Provider '{request.Provider}' is not a provider; use one of {string.Join(", ", ProviderNames.All)}", nameof(request));
        if (request.MaxOutputTokens is <= 0) throw new ArgumentException("LaneRequest.MaxOutputTokens must be positive", nameof(request));
        if (request.ReasoningEffort is { } effort && !EffortTable.IsKnown(effort))
            throw new ArgumentException($"LaneRequest.ReasoningEffort '{effort}' is not an effort; use one of {string.Join(", ", EffortTable.Names)}", nameof(request));
        if (request.JsonSchema is not null)
        {
            try
            {
                using var doc = JsonDocument.Parse(request.JsonSchema);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new ArgumentException("LaneRequest.JsonSchema must be a JSON object", nameof(request));
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"LaneRequest.JsonSchema is not valid JSON: {ex.Message}", nameof(request), ex);
            }
        }
    }

    /// <summary>Refuses when today's (UTC) spend plus this call's estimated input cost would pass the lane's cap.</summary>
    private void CheckBudget(LaneRequest request, LaneSettings lane, IReadOnlyList<string> chain)
    {
        if (lane.DailyBudgetUsd is not { } cap) return;
        var now = clock.GetUtcNow();
        var spent = ledger.SpentOn(lane.Name, DateOnly.FromDateTime(now.UtcDateTime));
        var first = chain.FirstOrDefault(n => settings.Providers[n].HasKey) ?? chain[0];
        var model = lane.Models.TryGetValue(first, out var m) ? m : request.Model ?? settings.Providers[first].DefaultModel;
        var estimatedTokens = ((request.SystemPrompt?.Length ?? 0) + request.UserPrompt.Length) / 4;
        var estimate = settings.Prices.Cost(first, model, new TokenUsage(estimatedTokens, 0, 0, 0), now) ?? 0m;
        if (spent + estimate <= cap && !(cap == 0m)) return;

        var message = string.Create(CultureInfo.InvariantCulture,
            $"lane '{lane.Name}' refused: daily budget cap of ${cap:0.00##} (budgets.{lane.Name} in .claude/dm.json) would be exceeded — " +
            $"${spent:0.0000} spent today (UTC) + ~${estimate:0.0000} estimated for this call. Raise the cap or wait until 00:00 UTC.");
        Write(Record(lane.Name, first, model, null, LedgerOutcome.Refused, ProviderErrorClass.BudgetExceeded, message));
        throw new ProviderException(null, ProviderErrorClass.BudgetExceeded, message);
    }

    private LedgerRecord Record(string lane, string provider, string? model, string? fallbackFrom, string outcome, string error, string detail,
        TimeSpan elapsed = default, int attempts = 0) => new()
        {
            Ts = LedgerWriter.Timestamp(clock.GetUtcNow()), Lane = lane, Provider = provider, Model = model,
            CostUsd = 0m, // nothing billed is known for a failed, refused or degraded call (null is for "answered, unpriced")
            Ms = Math.Round(elapsed.TotalMilliseconds, 1), Attempts = attempts, FallbackFrom = fallbackFrom,
            Outcome = outcome, Error = error, Detail = redactor.RedactShort(detail, 400),
        };

    /// <summary>
    /// An attempt that reached the provider and came back with usage (truncated, empty, filtered) is billed in full:
    /// book its tokens and cost, or mark it unpriced (cost null) when the model has no price — never $0.
    /// </summary>
    private LedgerRecord Billed(LedgerRecord record, string provider, string? model, ProviderException ex)
    {
        if (ex.Usage is not { } usage) return record;
        var billedModel = ex.BilledModel ?? model ?? "";
        var now = clock.GetUtcNow();
        var cost = settings.Prices.Cost(provider, billedModel, usage, now);
        if (cost is null && model is not null && billedModel != model) cost = settings.Prices.Cost(provider, model, usage, now);
        return record with
        {
            Model = billedModel, In = usage.Input, Out = usage.Output, Reasoning = usage.Reasoning, Cached = usage.Cached,
            CacheWrite = usage.CacheWrite, CostUsd = cost, Unpriced = cost is null ? true : null,
            Local = provider == ProviderNames.Ollama ? true : null, BaselineUsd = settings.Baseline.Cost(usage),
        };
    }

    private void Write(LedgerRecord record)
    {
        try
        {
            ledger.Append(record);
        }
        catch (IOException ex)
        {
            // The answer matters more than its bookkeeping; say so on stderr (stdout may be an MCP channel).
            Console.Error.WriteLine($"distributed-model: cannot write ledger {ledger.Path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"distributed-model: cannot write ledger {ledger.Path}: {ex.Message}");
        }
    }
}
