using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers.Contracts;

/// <summary>
/// What the real Responses API (<c>POST /v1/responses</c>) rejects, with OpenAI's error body
/// <c>{"error":{"message","type":"invalid_request_error","param","code"}}</c> (openai/openai-openapi spec [O1]).
/// </summary>
public static class OpenAIContract
{
    // openai/openai-openapi CreateResponse (spec 2.3.0): the request fields.
    private static readonly HashSet<string> Fields =
    [
        "model", "input", "instructions", "max_output_tokens", "max_tool_calls", "reasoning", "text", "temperature", "top_p",
        "store", "stream", "stream_options", "metadata", "previous_response_id", "conversation", "tools", "tool_choice",
        "parallel_tool_calls", "truncation", "include", "user", "safety_identifier", "prompt_cache_key", "prompt_cache_retention",
        "service_tier", "background", "prompt", "top_logprobs",
    ];

    private static readonly string[] Order = ["none", "minimal", "low", "medium", "high", "xhigh", "max"];

    /// <summary>
    /// The <c>reasoning.effort</c> values each model family accepts:
    /// gpt-6-astra low…max, no none/minimal (langchain-ai/langchain#40330, BerriAI/litellm-docs#1173);
    /// gpt-5.6-* and the gpt-6/6.1/6.2 sol/terra/luna line none|low|medium|high|xhigh|max, no minimal
    /// (bolna-ai/bolna#852, mnfst/modelparams.dev#86, Yanyutin753/LambChat#550; GPT-6 accepts none [O9]);
    /// gpt-5.1 none|low|medium|high (anomalyco/opencode#4451); gpt-5/5-mini minimal…high; o-series low|medium|high.
    /// Unknown model ids: low|medium|high, the subset every reasoning model takes.
    /// </summary>
    public static IReadOnlyList<string> EffortsFor(string model) => model switch
    {
        _ when model.StartsWith("gpt-6", StringComparison.Ordinal) && model.Contains("astra", StringComparison.Ordinal) => ["low", "medium", "high", "xhigh", "max"],
        _ when model.StartsWith("gpt-6", StringComparison.Ordinal) || model.StartsWith("gpt-5.6", StringComparison.Ordinal) => ["none", "low", "medium", "high", "xhigh", "max"],
        _ when model.StartsWith("gpt-5.", StringComparison.Ordinal) => ["none", "low", "medium", "high"],
        _ when model.StartsWith("gpt-5", StringComparison.Ordinal) => ["minimal", "low", "medium", "high"],
        _ => ["low", "medium", "high"],
    };

    public static ContractViolation? Check(JsonObject body)
    {
        // O1 (spec; the API's "Unknown parameter" 400): only CreateResponse fields.
        foreach (var (key, _) in body)
            if (!Fields.Contains(key)) return Error("O1-unknown-parameter", $"Unknown parameter: '{key}'.", key, "unknown_parameter");
        // O2 (spec: model and input are required).
        var model = body["model"] is JsonValue m && m.TryGetValue<string>(out var mm) ? mm : null;
        if (model is null) return Error("O2-required", "Missing required parameter: 'model'.", "model", "missing_required_parameter");
        if (body["input"] is null) return Error("O2-required", "Missing required parameter: 'input'.", "input", "missing_required_parameter");

        // O3 (spec: max_output_tokens minimum 16 [O1]).
        if (body["max_output_tokens"] is JsonValue mot && mot.TryGetValue<long>(out var max) && max < 16)
            return Error("O3-max-output-tokens-min", $"Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got {max} instead.",
                "max_output_tokens", "integer_below_min_value");

        // O4 (anomalyco/opencode#4451, body quoted there): an effort the model does not take is 400 unsupported_value.
        var effort = body["reasoning"]?["effort"]?.GetValue<string>();
        if (effort is not null)
        {
            var allowed = EffortsFor(model);
            if (!allowed.Contains(effort))
                return Error("O4-effort-per-model",
                    $"Unsupported value: '{effort}' is not supported with the '{model}' model. Supported values are: {Quote(allowed)}.",
                    "reasoning.effort", "unsupported_value");
        }

        // O5 (openai/openai-python#2104 [O2]; GPT-6 only with effort none [O9]): temperature on a reasoning model.
        if (body.ContainsKey("temperature") && !(model.StartsWith("gpt-6", StringComparison.Ordinal) && effort == "none"))
            return Error("O5-temperature", "Unsupported parameter: 'temperature' is not supported with this model.", "temperature", "unsupported_parameter");

        var format = body["text"]?["format"];
        var type = format?["type"]?.GetValue<string>();
        // O6 (platform.openai.com JSON mode: "the word 'json' must appear in the context"): json_object needs "json" in the prompt.
        if (type == "json_object")
        {
            var prompt = (body["instructions"]?.ToJsonString() ?? "") + (body["input"]?.ToJsonString() ?? "");
            if (!prompt.Contains("json", StringComparison.OrdinalIgnoreCase))
                return Error("O6-json-word", "'input' must contain the word 'json' in some form to use 'text.format' of type 'json_object'.", "input", null);
        }
        // O7/O8 (structured outputs, strict: agentscope-ai/agentscope-java#2548, Agent-Field/agentfield#680):
        // every object needs additionalProperties:false and a required list naming every property.
        if (type == "json_schema" && format!["strict"]?.GetValue<bool>() == true)
        {
            var name = format["name"]?.GetValue<string>() ?? "";
            if (format["schema"] is not JsonObject schema) return Error("O2-required", "Missing required parameter: 'text.format.schema'.", "text.format.schema", "missing_required_parameter");
            if (CheckStrict(schema, name, "()") is { } bad) return bad;
        }
        return null;
    }

    private static ContractViolation? CheckStrict(JsonObject schema, string name, string context)
    {
        var isObject = schema["type"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts == "object"
            : schema["type"] is JsonArray ta && ta.Any(x => x?.GetValue<string>() == "object");
        if (isObject || schema.ContainsKey("properties"))
        {
            if (schema["additionalProperties"] is not JsonValue ap || !ap.TryGetValue<bool>(out var apb) || apb)
                return Error("O7-strict-additionalProperties",
                    $"Invalid schema for response_format '{name}': In context={context}, 'additionalProperties' is required to be supplied and to be false.",
                    "text.format.schema", "invalid_json_schema");
            var props = schema["properties"] as JsonObject ?? [];
            var required = (schema["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet() ?? [];
            var missing = props.Select(p => p.Key).FirstOrDefault(k => !required.Contains(k));
            if (missing is not null)
                return Error("O8-strict-required",
                    $"Invalid schema for response_format '{name}': In context={context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '{missing}'.",
                    "text.format.schema", "invalid_json_schema");
            foreach (var (key, p) in props)
                if (p is JsonObject child && CheckStrict(child, name, $"('properties', '{key}')") is { } bad) return bad;
        }
        if (schema["items"] is JsonObject items && CheckStrict(items, name, context == "()" ? "('items')" : context.TrimEnd(')') + ", 'items')") is { } badItems) return badItems;
        return null;
    }

    private static string Quote(IReadOnlyList<string> values)
    {
        var q = values.Select(v => $"'{v}'").ToList();
        return q.Count == 1 ? q[0] : string.Join(", ", q.Take(q.Count - 1)) + ", and " + q[^1];
    }

    public static ContractViolation Error(string rule, string message, string? param, string? code) =>
        new(rule, 400, WireJson.Serialize(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code },
        }));

    /// <summary>The effort order, lowest first (spec enum order [O1]).</summary>
    public static IReadOnlyList<string> EffortOrder => Order;
}
