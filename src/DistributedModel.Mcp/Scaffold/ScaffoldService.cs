using System.Globalization;
using System.Text;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Decisions;
using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Files;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using ModelContextProtocol;
using DistributedModel.Core.Lanes;

namespace DistributedModel.Mcp.Scaffold;

/// <summary>
/// The scaffold lane (DeepSeek by default) writes boilerplate from a spec as a JSON file list; the server writes the files
/// all or nothing (confined to the workspace by real path; existing files are refused unless <c>overwrite</c>; agent/VCS
/// control files such as <c>.claude/**</c>, <c>.mcp.json</c>, <c>.git/**</c> are refused unless allowed in
/// <c>mcp.scaffold.allowPaths</c>; on any refusal or write failure nothing at all is written) and
/// returns only paths, sizes and a one-line summary each.
/// </summary>
internal sealed class ScaffoldService(ILaneClient lanes, WorkspaceFiles files, FileContext fileContext, McpOptions options,
    WorkspacePaths paths, TimeProvider time)
{
    private const string System =
        "You write boilerplate code (endpoints, DTOs, tests, config) exactly to the spec, matching the style of any example files. " +
        "Answer with only a JSON object {\"files\":[{\"path\":\"relative/path\",\"summary\":\"one line: what the file is\",\"content\":\"full file text\"}]}. " +
        "Paths are relative to the target directory; never use '..' or absolute paths.";

    public async Task<string> ScaffoldAsync(string spec, string? directory, bool overwrite, IReadOnlyList<string>? examples, ToolContext context)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new McpException("spec is empty");
        InputLimits.Check("spec", spec, InputLimits.MaxSpecChars);
        InputLimits.CheckPaths("examples", examples);
        var dir = string.IsNullOrWhiteSpace(directory) ? "." : directory;
        files.ConfineDirectory(dir);
        var (block, _) = await fileContext.ReadAsync(examples, context.Token).ConfigureAwait(false);
        var user = "Target directory: " + dir + "\n\nSpec:\n" + spec.Trim() + (block.Length == 0 ? "" : "\n\nExample files:\n" + block);

        context.Report("generating files");
        var request = new LaneRequest(LaneNames.Scaffold, System, user)
        {
            JsonOutput = true, JsonSchema = ScaffoldPlanParser.Schema, MaxOutputTokens = 16_000,
        };
        var response = await lanes.CompleteAsync(request, context.Token).ConfigureAwait(false);
        if (!ScaffoldPlanParser.TryParse(response.Text, options.ScaffoldMaxFiles, out var plan, out var problem))
        {
            context.Report("answer malformed, asking once more");
            response = await lanes.CompleteAsync(request with { UserPrompt = user + "\n\nYour previous answer was rejected: " + problem + "." },
                context.Token).ConfigureAwait(false);
            if (!ScaffoldPlanParser.TryParse(response.Text, options.ScaffoldMaxFiles, out plan, out problem))
            {
                var saved = MalformedAnswerStore.Save(paths, time, "scaffold", response.Text);
                throw new McpException($"scaffold failed: {response.Provider} gave no valid file list after one retry ({problem}); " +
                    $"nothing written; the raw answer is in {saved}");
            }
        }

        var targets = plan.Select(f => (File: f, Target: files.ConfineNew(dir, f.Path))).ToList();
        var denied = targets.Select(t => (t.Target.RelativePath, Reason: DeniedReason(t.Target))).Where(d => d.Reason is not null).ToList();
        if (denied.Count > 0)
            throw new McpException("scaffold refused: " + string.Join("; ", denied.Select(d => $"{d.RelativePath}: {d.Reason}")) +
                "; nothing written. To allow one, list its exact workspace-relative path in mcp.scaffold.allowPaths in your ~/.claude/dm.json (a project's own .claude/dm.json may not lift this).");

        var existing = targets.Where(t => File.Exists(t.Target.FullPath) || Directory.Exists(t.Target.FullPath)).ToList();
        if (existing.Count > 0 && (!overwrite || existing.Any(e => Directory.Exists(e.Target.FullPath))))
            throw new McpException("scaffold refused: these already exist: " + string.Join(", ", existing.Select(e => e.Target.RelativePath)) +
                (overwrite ? " (directories are never replaced)" : "; nothing written. Pass overwrite=true to replace them."));

        context.Report($"writing {targets.Count} files");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"wrote {targets.Count} files ({response.Provider}/{response.Model}):\n");
        var writer = new ScaffoldWriter(files.Confinement);
        try
        {
            foreach (var (file, target) in targets)
            {
                var bytes = new UTF8Encoding(false).GetBytes(file.Content);
                var replaced = existing.Any(e => e.Target.FullPath == target.FullPath);
                await writer.StageAsync(target, bytes, replaced).ConfigureAwait(false);
                sb.Append(CultureInfo.InvariantCulture, $"- {target.RelativePath} ({bytes.Length:N0} B){(replaced ? " [replaced]" : "")} — {Text.Shorten(file.Summary.Length > 0 ? file.Summary : "(no summary)", 120)}\n");
            }
            writer.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or McpException)
        {
            writer.Rollback();
            throw new McpException($"scaffold failed writing the files ({ex.Message}); nothing written", ex);
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Why <paramref name="target"/> is an agent/VCS control file (by its workspace path and by its real path), unless allowed.</summary>
    private string? DeniedReason(WorkspaceFile target)
    {
        var real = files.Confinement.RealForNew(target.FullPath, target.RelativePath);
        var realRelative = Path.GetRelativePath(files.Confinement.RealRoot, real).Replace('\\', '/');
        foreach (var rel in new[] { target.RelativePath, realRelative }.Distinct(StringComparer.Ordinal))
            if (!ControlFiles.Allowed(rel, options.ScaffoldAllowPaths, out var reason)) return reason;
        return null;
    }
}
