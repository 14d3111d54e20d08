using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DistributedModel.Cli.Adr;

/// <summary>Renders a decision record as one self-contained HTML page: verdict, context, the options side by side with pros and cons, the decision.</summary>
public static partial class AdrPreviewWriter
{
    public static string Render(AdrDocument doc)
    {
        var sb = new StringBuilder();
        var verdict = doc.Fields.GetValueOrDefault("verdict", "—").ToUpperInvariant();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append($"<title>{E(doc.Title)}</title><style>{Css}</style></head><body><main>")
          .Append($"<header><p class=\"eyebrow\">{E(doc.Fields.GetValueOrDefault("kind", "decision"))} · {E(doc.Fields.GetValueOrDefault("date", ""))}")
          .Append(doc.Fields.TryGetValue("providers", out var pr) ? $" · {E(pr.Replace(",", ", ", StringComparison.Ordinal))}" : "")
          .Append($"</p><h1>{Inline(doc.Title)}</h1><span class=\"verdict v-{E(verdict.ToLowerInvariant())}\">{E(verdict)}</span></header>");

        foreach (var (heading, text) in doc.Sections.Where(s => !IsDecision(s.Heading)))
            sb.Append($"<section class=\"prose\"><h2>{E(heading)}</h2>{Markdown(text)}</section>");

        if (doc.Options.Count > 0)
        {
            sb.Append($"<section><h2>Options</h2><div class=\"options\" style=\"grid-template-columns:repeat({Math.Min(doc.Options.Count, 4)},1fr)\">");
            foreach (var o in doc.Options)
            {
                sb.Append($"<article class=\"option{(o.Chosen ? " chosen" : "")}\">")
                  .Append(o.Id is null ? "" : $"<p class=\"opt-id\">Option {E(o.Id)}</p>")
                  .Append($"<h3>{Inline(o.Name)}{(o.Chosen ? "<span class=\"tag\">chosen</span>" : "")}</h3>")
                  .Append(Markdown(o.Summary))
                  .Append("<h4 class=\"pros\">Pros</h4><ul class=\"pros\">").Append(string.Concat(o.Pros.Select(p => $"<li>{Inline(p)}</li>"))).Append("</ul>")
                  .Append("<h4 class=\"cons\">Cons</h4><ul class=\"cons\">").Append(string.Concat(o.Cons.Select(c => $"<li>{Inline(c)}</li>"))).Append("</ul>")
                  .Append("</article>");
            }
            sb.Append("</div></section>");
        }
        foreach (var (heading, text) in doc.Sections.Where(s => IsDecision(s.Heading)))
            sb.Append($"<section class=\"prose decision\"><h2>{E(heading)}</h2>{Markdown(text)}</section>");
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    private static bool IsDecision(string heading) => heading.StartsWith("Decision", StringComparison.OrdinalIgnoreCase);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Inline(string s) => InlineCode().Replace(E(s), "<code>$1</code>");

    /// <summary>Paragraphs and bullet lists; everything escaped.</summary>
    private static string Markdown(string text)
    {
        var sb = new StringBuilder();
        bool inList = false;
        foreach (var block in text.Split('\n'))
        {
            var line = block.Trim();
            bool bullet = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if (bullet && !inList) { sb.Append("<ul>"); inList = true; }
            if (!bullet && inList) { sb.Append("</ul>"); inList = false; }
            if (bullet) sb.Append($"<li>{Inline(line[2..])}</li>");
            else if (line.Length > 0) sb.Append($"<p>{Inline(line)}</p>");
        }
        if (inList) sb.Append("</ul>");
        return sb.ToString();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    private const string Css = """
        *{box-sizing:border-box}body{margin:0;background:#f4f5fa;color:#111827;font:15px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
        main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
        header{background:linear-gradient(135deg,#1e1b4b,#4338ca);color:#fff;border-radius:20px;padding:24px 28px;position:relative}
        .eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.8}
        h1{margin:6px 0 0;font-size:28px;max-width:80%}
        .verdict{position:absolute;right:24px;top:24px;background:#fff;color:#111827;font-weight:700;letter-spacing:.1em;border-radius:999px;padding:6px 14px;font-size:13px}
        .v-affirm{color:#166534}.v-modify{color:#b45309}.v-reverse{color:#b91c1c}.v-defer{color:#4b5563}
        section{margin-top:18px}.prose{background:#fff;border:1px solid #e5e7eb;border-radius:16px;padding:16px 20px}
        h2{font-size:16px;margin:0 0 6px}
        .options{display:grid;gap:14px}
        .option{background:#fff;border:1px solid #e5e7eb;border-radius:16px;padding:16px 18px}
        .option.chosen{border:2px solid #4338ca;box-shadow:0 6px 20px rgba(67,56,202,.15)}
        .option h3{margin:0 0 6px;font-size:17px}.opt-id{margin:0 0 2px;font-size:11px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#6366f1}h1 code{background:rgba(255,255,255,.15);color:#fff;font-size:.9em}.tag{margin-left:8px;font-size:11px;background:#4338ca;color:#fff;border-radius:999px;padding:2px 8px;vertical-align:middle}
        h4{margin:12px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.06em}h4.pros{color:#166534}h4.cons{color:#b91c1c}
        ul{margin:0;padding-left:0;list-style:none}ul li{padding:3px 0 3px 22px;position:relative}
        ul.pros li:before{content:"✓";position:absolute;left:2px;color:#16a34a;font-weight:700}
        ul.cons li:before{content:"✗";position:absolute;left:2px;color:#dc2626;font-weight:700}
        .prose ul li:before{content:"•";position:absolute;left:8px;color:#6b7280}
        .decision{border-left:5px solid #4338ca}
        code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#eef0f6;padding:1px 5px;border-radius:5px}
        @media (max-width:820px){.options{grid-template-columns:1fr !important}}
        """;
}
