using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers.Contracts;

/// <summary>
/// What the real <c>models/{m}:generateContent</c> rejects (400 INVALID_ARGUMENT), with Google's error body
/// (<c>{"error":{"code":400,"message","status":"INVALID_ARGUMENT","details":[BadRequest.fieldViolations]}}</c>).
/// Sources per rule; "[shape]" marks wording we could not find verbatim (the status and body shape are Google's).
/// </summary>
public static class GeminiContract
{
    // https://ai.google.dev/api/generate-content#request-body — the request's top-level fields.
    private static readonly HashSet<string> TopLevel =
        ["contents", "tools", "toolConfig", "safetySettings", "systemInstruction", "generationConfig", "cachedContent"];

    // https://ai.google.dev/api/generate-content#generationconfig — GenerationConfig fields.
    private static readonly HashSet<string> GenerationConfig =
    [
        "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities", "candidateCount",
        "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs",
        "logprobs", "enableEnhancedCivicAnswers", "speechConfig", "thinkingConfig", "imageConfig", "mediaResolution",
    ];

    // https://ai.google.dev/api/caching#Schema — the OpenAPI-subset Schema object that responseSchema takes.
    private static readonly HashSet<string> SchemaFields =
    [
        "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
        "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
        "default", "items", "minimum", "maximum",
    ];

    private static readonly HashSet<string> SchemaTypes =
        new(["TYPE_UNSPECIFIED", "STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL"], StringComparer.OrdinalIgnoreCase);

    public static ContractViolation? Check(string model, JsonObject body)
    {
        // G1 (proto JSON parsing; body as quoted in googleapis/python-genai#1815 and pickeld/pick-a-recipe#29):
        // an unknown field anywhere is 400 'Invalid JSON payload received. Unknown name "x" at '…': Cannot find field.'
        foreach (var (key, _) in body)
            if (!TopLevel.Contains(key)) return UnknownName("G1-unknown-field", key, "");
        if (body["contents"] is not JsonArray { Count: > 0 })
            // G2 [shape]: contents is required (https://ai.google.dev/api/generate-content#request-body).
            return Invalid("G2-contents-required", "* GenerateContentRequest.contents: contents is not specified", "contents");

        if (body["generationConfig"] is not JsonObject config) return null;
        foreach (var (key, _) in config)
            if (!GenerationConfig.Contains(key)) return UnknownName("G1-unknown-field", key, "generation_config");

        // G3 (facts/providers.md §2, corrected 2026-12-01; https://ai.google.dev/gemini-api/docs/structured-output):
        // responseSchema and responseJsonSchema are mutually exclusive. [shape]
        if (config.ContainsKey("responseSchema") && config.ContainsKey("responseJsonSchema"))
            return Invalid("G3-schema-exclusive", "response_schema and response_json_schema cannot both be set.", "generation_config");

        // G4 (googleapis/python-genai#1815, pickeld/pick-a-recipe#29, QuantumNous/new-api#1037 for "$schema"):
        // responseSchema is the OpenAPI subset: additionalProperties, $schema, … are unknown names there.
        // G5 (simonw/llm-gemini#49): a "type" that is not one Type enum value (e.g. ["string","null"]) is an invalid value.
        if (config["responseSchema"] is JsonNode schema && CheckSchema(schema, "generation_config.response_schema") is { } bad) return bad;

        // G6 (https://ai.google.dev/api/generate-content#generationconfig): a response schema needs responseMimeType
        // application/json. [shape]
        if ((config.ContainsKey("responseSchema") || config.ContainsKey("responseJsonSchema"))
            && config["responseMimeType"]?.GetValue<string>() != "application/json")
            return Invalid("G6-schema-needs-json-mime", "responseMimeType must be application/json when a response schema is set.",
                "generation_config.response_mime_type");

        if (config["thinkingConfig"] is JsonObject thinking)
        {
            var level = thinking["thinkingLevel"]?.GetValue<string>();
            // G7 (hexdocs gemini_ex ThinkingConfig [G10]): thinkingLevel and thinkingBudget together are a 400. [shape]
            if (level is not null && thinking.ContainsKey("thinkingBudget"))
                return Invalid("G7-thinking-level-and-budget", "You can only set one of thinking budget and thinking level.", "generation_config.thinking_config");
            // G8 ([G10]): Gemini 2.5 takes thinkingBudget only. [shape]
            if (level is not null && model.StartsWith("gemini-2.", StringComparison.Ordinal))
                return Invalid("G8-level-on-2.5", $"Thinking level is not supported for this model ({model}).", "generation_config.thinking_config.thinking_level");
            // G9 (docs.apiyi.com gemini-3-8-flash [G15]): 3.8 Flash has no "minimal" level; levels are low|medium|high. [shape]
            if (level is not null && !(level is "low" or "medium" or "high" || (level == "minimal" && !model.StartsWith("gemini-3.8", StringComparison.Ordinal))))
                return Invalid("G9-thinking-level-value", $"Unsupported thinking level '{level}' for model {model}.", "generation_config.thinking_config.thinking_level");
        }
        return null;
    }

    private static ContractViolation? CheckSchema(JsonNode node, string at)
    {
        if (node is not JsonObject obj) return null;
        foreach (var (key, value) in obj)
        {
            if (!SchemaFields.Contains(key)) return UnknownName("G4-responseSchema-subset", key, at);
            if (key == "type" && !(value is JsonValue v && v.TryGetValue<string>(out var t) && SchemaTypes.Contains(t)))
                return Invalid("G5-responseSchema-type",
                    $"Invalid value at '{at}.type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), {value?.ToJsonString()}", at + ".type");
        }
        if (obj["properties"] is JsonObject props)
        {
            var i = 0;
            foreach (var (_, p) in props)
            {
                if (p is not null && CheckSchema(p, $"{at}.properties[{i}].value") is { } bad) return bad;
                i++;
            }
        }
        if (obj["items"] is JsonNode items && CheckSchema(items, at + ".items") is { } badItems) return badItems;
        if (obj["anyOf"] is JsonArray any)
            for (var i = 0; i < any.Count; i++)
                if (any[i] is { } a && CheckSchema(a, $"{at}.any_of[{i}]") is { } badAny) return badAny;
        return null;
    }

    private static ContractViolation UnknownName(string rule, string name, string at)
    {
        var where = at.Length == 0 ? "" : $" at '{at}'";
        return Invalid(rule, $"Invalid JSON payload received. Unknown name \"{name}\"{where}: Cannot find field.", at.Length == 0 ? name : at);
    }

    /// <summary>Google's 400 body with one BadRequest field violation.</summary>
    public static ContractViolation Invalid(string rule, string message, string field) => new(rule, 400, WireJson.Serialize(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = 400,
            ["message"] = message,
            ["status"] = "INVALID_ARGUMENT",
            ["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = field, ["description"] = message }),
            }),
        },
    }));
}
