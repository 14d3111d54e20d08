namespace DistributedModel.Mcp.Decisions;

/// <summary>The structured-output contract for consult and tribunal answers.</summary>
internal static class OpinionSchema
{
    public const string Json = """
        {"type":"object","additionalProperties":false,
         "required":["title","context","options","position","verdict","rationale","consequences"],
         "properties":{
          "title":{"type":"string"},
          "context":{"type":"string"},
          "options":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","pros","cons"],
            "properties":{"name":{"type":"string"},"pros":{"type":"array","items":{"type":"string"}},"cons":{"type":"array","items":{"type":"string"}}}}},
          "position":{"type":"string"},
          "verdict":{"type":"string","enum":["AFFIRM","MODIFY","REVERSE","DEFER"]},
          "rationale":{"type":"string"},
          "consequences":{"type":"array","items":{"type":"string"}}}}
        """;

    public const string Instructions =
        "Answer with only one JSON object with keys: title (short decision title), context (2-4 sentences), " +
        "options (array of {name, pros[], cons[]}, 2-4 options incl. the proposal), position (your recommendation), " +
        "verdict (AFFIRM = the proposal is right; MODIFY = right direction, change specifics; REVERSE = choose differently; " +
        "DEFER = cannot judge yet, say what is missing), rationale (at most 3 sentences), consequences (array of strings).";
}
