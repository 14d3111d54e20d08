using System.CommandLine;
using System.Text.RegularExpressions;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing;

namespace DistributedModel.Cli.Tests;

/// <summary>Every `dm …` command line the governance document and docs/cli.md mention must exist, options included.</summary>
public sealed partial class DocumentationTests
{
    public static TheoryData<string> Documents => new() { "Distributed-Model-Governance.md", "docs/cli.md" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_dm_command_mentioned_exists_with_its_options(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, document));
        var root = CliApp.Build(new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "/", HomeDirectory = "/" });
        var mentions = DmMention().Matches(text).Select(m => m.Groups["cmd"].Value.Trim()).ToList();

        mentions.Should().HaveCountGreaterThan(5, "the documents do mention commands");
        var problems = new List<string>();
        foreach (var mention in mentions)
        {
            Command current = root;
            bool any = false;
            foreach (var raw in mention.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var token = raw.Trim('[', ']', '(', ')', ',', '.', ';');
                if (token.StartsWith("--", StringComparison.Ordinal))
                {
                    if (!current.Options.Any(o => o.Name == token || o.Aliases.Contains(token)) && token != "--help")
                        problems.Add($"`dm {mention}`: {current.Name} has no option {token}");
                    continue;
                }
                if (token.StartsWith('<') || token.Length == 0) break;
                var sub = current.Subcommands.FirstOrDefault(c => c.Name == token);
                if (sub is null) { if (!any) problems.Add($"`dm {mention}`: no command {token}"); continue; }
                current = sub;
                any = true;
            }
        }
        problems.Should().BeEmpty();
    }

    [GeneratedRegex(@"(?<![\w/.-])dm (?<cmd>[a-z<][^`\n|&""\\]*)")] // a quote or backslash ends a mention inside quoted shell
    private static partial Regex DmMention();
}
