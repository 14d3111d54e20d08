using System.Text;

namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>The system and user prompts and the JSON schema a reviewer gets.</summary>
public static class ReviewPrompts
{
    public const int MaxFindingsAsked = 10;

    public const string JsonSchema = """
        {"type":"object","additionalProperties":false,"required":["verdict","findings"],
         "properties":{
          "verdict":{"type":"string","enum":["approve","request_changes","reject"]},
          "findings":{"type":"array","items":{"type":"object","additionalProperties":false,
            "required":["file","line","severity","message"],
            "properties":{
              "file":{"type":"string"},
              "line":{"type":["integer","null"]},
              "severity":{"type":"string","enum":["critical","high","medium","low","info"]},
              "message":{"type":"string"}}}}}}
        """;

    public static string System(string framing) => $$"""
        You review a code change that another AI model wrote on a git branch. Judge it from one angle only:
        {{ReviewFraming.Focus(framing)}}

        Answer with ONE JSON object and nothing else:
        {"verdict": "approve" | "request_changes" | "reject",
         "findings": [{"file": "<path from the diff>", "line": <line number in the new file, or null>,
                       "severity": "critical" | "high" | "medium" | "low" | "info", "message": "<one sentence>"}]}
        - approve: ready to merge as is (findings may still list minor notes);
          request_changes: fixable problems; reject: wrong approach, or harmful.
        - At most {{MaxFindingsAsked}} findings, most severe first, each message under 200 characters.
        - Only report problems you can point to in the diff; an empty findings list is fine.
        """;

    /// <summary>The brief and the diff, cut to <paramref name="maxDiffChars"/> with a visible marker.</summary>
    public static string User(string brief, string diff, string diffStat, int maxDiffChars)
    {
        var sb = new StringBuilder();
        sb.Append("## The brief the writer was given\n").Append(brief.Trim()).Append("\n\n");
        sb.Append("## Diffstat\n").Append(diffStat.Trim()).Append("\n\n");
        sb.Append("## The diff\n```diff\n");
        if (diff.Length <= maxDiffChars)
        {
            sb.Append(diff);
        }
        else
        {
            sb.Append(diff.AsSpan(0, maxDiffChars));
            sb.Append($"\n[… diff cut here: {diff.Length - maxDiffChars} more characters not shown]\n");
        }
        if (sb[^1] != '\n') sb.Append('\n');
        sb.Append("```\n");
        return sb.ToString();
    }
}
