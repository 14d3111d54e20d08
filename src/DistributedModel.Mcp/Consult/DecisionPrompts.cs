using DistributedModel.Mcp.Decisions;

namespace DistributedModel.Mcp.Consult;

/// <summary>Prompts shared by consult and tribunal.</summary>
internal static class DecisionPrompts
{
    public const string System =
        "You are a senior software architect giving an independent second opinion to an engineering lead. Judge the proposal " +
        "on its merits against the question and the files shown; say plainly when it is wrong. " + OpinionSchema.Instructions;

    public static string User(string question, string? proposal, string files) =>
        "Question:\n" + question.Trim() + "\n\n" +
        (string.IsNullOrWhiteSpace(proposal) ? "Proposal: none given; recommend one (verdict relative to the status quo).\n\n"
                                             : "Proposal under review:\n" + proposal.Trim() + "\n\n") +
        (files.Length == 0 ? "" : "Relevant files:\n" + files);
}
