using System.Text;

namespace DistributedModel.Mcp.Decisions;

/// <summary>Markdown sections of a decision record.</summary>
internal static class OpinionMarkdown
{
    public static string Question(string question, string? proposal, IReadOnlyList<string> files)
    {
        var sb = new StringBuilder("## Question\n\n").Append(question.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(proposal)) sb.Append("## Proposal under review\n\n").Append(proposal.Trim()).Append("\n\n");
        if (files.Count > 0)
        {
            sb.Append("## Files considered\n\n");
            foreach (var f in files) sb.Append("- ").Append(f).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Body(Opinion o, string who, int headingLevel = 2)
    {
        var h = new string('#', headingLevel);
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(o.Context)) sb.Append(h).Append(" Context\n\n").Append(o.Context.Trim()).Append("\n\n");
        if (o.Options.Count > 0)
        {
            sb.Append(h).Append(" Options\n\n");
            foreach (var opt in o.Options)
            {
                sb.Append("- **").Append(opt.Name.Trim()).Append("**\n");
                foreach (var p in opt.Pros) sb.Append("  - pro: ").Append(p.Trim()).Append('\n');
                foreach (var c in opt.Cons) sb.Append("  - con: ").Append(c.Trim()).Append('\n');
            }
            sb.Append('\n');
        }
        sb.Append(h).Append(" Consultant's position (").Append(who).Append(")\n\n").Append(o.Position).Append("\n\n");
        sb.Append(h).Append(" Verdict: ").Append(o.Verdict.ToString().ToUpperInvariant()).Append("\n\n").Append(o.Rationale).Append("\n\n");
        if (o.Consequences.Count > 0)
        {
            sb.Append(h).Append(" Consequences\n\n");
            foreach (var c in o.Consequences) sb.Append("- ").Append(c.Trim()).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
