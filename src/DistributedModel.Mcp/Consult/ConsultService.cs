using System.Text;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Decisions;
using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Files;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using ModelContextProtocol;
using DistributedModel.Core.Lanes;

namespace DistributedModel.Mcp.Consult;

/// <summary>One consultant (the consult lane, an o-series/GPT reasoning model by default) judges a proposal; one decision record.</summary>
internal sealed class ConsultService(OpinionRequester requester, FileContext fileContext, DecisionRecordWriter records, WorkspacePaths paths,
    TimeProvider time)
{
    public async Task<string> ConsultAsync(string question, string? proposal, IReadOnlyList<string>? files, ToolContext context)
    {
        if (string.IsNullOrWhiteSpace(question)) throw new McpException("question is empty");
        InputLimits.Check("question", question, InputLimits.MaxQuestionChars);
        InputLimits.Check("proposal", proposal, InputLimits.MaxProposalChars);
        InputLimits.CheckPaths("paths", files);
        var (block, names) = await fileContext.ReadAsync(files, context.Token).ConfigureAwait(false);
        context.Report("asking the consultant");
        Opinion opinion;
        LaneResponse response;
        try
        {
            (opinion, response) = await requester.AskAsync(LaneNames.Consult, null,
                DecisionPrompts.System, DecisionPrompts.User(question, proposal, block), context.Token).ConfigureAwait(false);
        }
        catch (MalformedOpinionException ex)
        {
            var saved = MalformedAnswerStore.Save(paths, time, "consult", ex.RawText);
            throw new McpException($"consult failed: {ex.Message}. No record written; the raw answer is in {saved}");
        }
        var title = string.IsNullOrWhiteSpace(opinion.Title) ? question : opinion.Title;
        var who = $"{response.Provider}/{response.Model}";
        var body = OpinionMarkdown.Question(question, proposal, names) + OpinionMarkdown.Body(opinion, who);
        var record = records.Write("consult", opinion.Verdict, [response.Provider], title, body);
        return new StringBuilder()
            .Append("verdict: ").Append(opinion.Verdict.ToString().ToUpperInvariant()).Append('\n')
            .Append("rationale: ").Append(Text.Shorten(opinion.Rationale, 600)).Append('\n')
            .Append("position: ").Append(Text.Shorten(opinion.Position, 400)).Append('\n')
            .Append("record: ").Append(record).Append(" (").Append(who).Append(')')
            .ToString();
    }
}
