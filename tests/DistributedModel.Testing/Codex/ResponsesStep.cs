namespace DistributedModel.Testing.Codex;

/// <summary>
/// One scripted model turn of <see cref="FakeResponsesServer"/>: what the fake "model" answers to the next
/// tool-bearing <c>POST /v1/responses</c> request codex sends.
/// </summary>
public abstract record ResponsesStep
{
    /// <summary>Token usage reported in <c>response.completed</c> (defaults: 100 in, 10 out).</summary>
    public ResponsesUsage Usage { get; init; } = ResponsesUsage.Default;

    /// <summary>Delay before anything is sent (a slow or hung model).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A <c>function_call</c> of codex's <c>exec_command</c> tool (run <paramref name="cmd"/> with bash -c).</summary>
    public static ResponsesStep Exec(string cmd) => new FunctionCall("exec_command", $$"""{"cmd":{{System.Text.Json.JsonSerializer.Serialize(cmd)}},"login":false}""");

    /// <summary>A <c>custom_tool_call</c> of codex's freeform <c>apply_patch</c> tool.</summary>
    public static ResponsesStep ApplyPatch(string patch) => new CustomToolCall("apply_patch", patch);

    /// <summary>A final assistant message: codex ends the turn.</summary>
    public static ResponsesStep Message(string text) => new AssistantMessage(text);

    /// <summary>A plain HTTP error instead of a stream.</summary>
    public static ResponsesStep HttpError(int status, string message = "scripted failure") => new Http(status, message);

    /// <summary>A <c>response.failed</c> event inside an otherwise valid stream.</summary>
    public static ResponsesStep Failed(string message) => new StreamFailure(message);

    /// <summary>A stream that stops after <c>response.created</c>, without <c>response.completed</c>.</summary>
    public static ResponsesStep Truncated() => new TruncatedStream();

    public sealed record FunctionCall(string Name, string ArgumentsJson) : ResponsesStep;
    public sealed record CustomToolCall(string Name, string Input) : ResponsesStep;
    public sealed record AssistantMessage(string Text) : ResponsesStep;
    public sealed record Http(int Status, string ErrorMessage) : ResponsesStep;
    public sealed record StreamFailure(string ErrorMessage) : ResponsesStep;
    public sealed record TruncatedStream : ResponsesStep;
}

/// <summary>Usage numbers of one fake response, in OpenAI Responses API terms.</summary>
public sealed record ResponsesUsage(long InputTokens, long CachedTokens, long OutputTokens, long ReasoningTokens)
{
    /// <summary><c>input_tokens_details.cache_write_tokens</c> (input written to the prompt cache, part of InputTokens);
    /// sent only when non-zero.</summary>
    public long CacheWriteTokens { get; init; }

    public static readonly ResponsesUsage Default = new(100, 0, 10, 0);
}
