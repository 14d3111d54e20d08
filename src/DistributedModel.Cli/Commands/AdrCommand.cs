using System.CommandLine;
using DistributedModel.Cli.Adr;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm adr preview</c>.</summary>
public static class AdrCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("FILE") { Description = "A decision record, e.g. audits/2026-11-23-routing-summarize-lane.md." };
        var html = new Option<string>("--html") { Description = "Write the preview to this HTML file.", HelpName = "OUT", Required = true };
        var preview = new Command("preview", "Render a decision record as one HTML page with its options side by side (summary, pros, cons) and the decision.")
        {
            file, html,
        };
        preview.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var path = env.ResolvePath(r.GetValue(file)!);
            if (!File.Exists(path)) throw new UsageException($"decision record {path} does not exist.");
            var doc = AdrDocument.Parse(await File.ReadAllTextAsync(path, ct), path);
            var outPath = env.ResolvePath(r.GetValue(html)!);
            var dir = Path.GetDirectoryName(outPath);
            if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir)) throw new UsageException($"directory of --html {outPath} does not exist.");
            await File.WriteAllTextAsync(outPath, AdrPreviewWriter.Render(doc), ct);
            await env.Out.WriteLineAsync($"{doc.Options.Count} option(s) side by side: {outPath}");
            return ExitCodes.Ok;
        }));
        return new Command("adr", "Architecture decision records (audits/*.md).") { preview };
    }
}
