using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Core.Workspace;
using DistributedModel.Core.Logging;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// The UserPromptSubmit hook: when the prompt matches a lane, prints
/// <c>{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"…"}}</c> naming the MCP tools to call;
/// prints nothing otherwise (no tax on ordinary prompts).
/// </summary>
public static class UserPromptSubmitHook
{
    public const string EventName = HookEvents.UserPromptSubmit;

    public static int Main(Stream stdin, Stream stdout) => Main(stdin, stdout, []);

    /// <summary>The hook process; <paramref name="args"/> carry <c>--install repo|user|plugin</c> (see <see cref="ToolNames"/>).</summary>
    public static int Main(Stream stdin, Stream stdout, IReadOnlyList<string> args)
    {
        var mode = ToolNames.ModeFrom(args, out var problem);
        return HookRunner.Run(EventName, stdin, stdout, input => Handle(input, WorkspacePaths.Resolve(input.Cwd), mode, problem));
    }

    public static HookResult Handle(HookInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Handle(input, WorkspacePaths.Resolve(input.Cwd));
    }

    /// <summary>Classifies the prompt with the rules of <paramref name="paths"/> (defaults + its dm.json); the hint names the
    /// tools as a session of install <paramref name="mode"/> sees them.</summary>
    public static HookResult Handle(HookInput input, WorkspacePaths paths, string mode = ToolNames.Repo, string? argumentProblem = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(paths);
        var prompt = input.Prompt ?? throw new FailOpenException("missing-fields", "no prompt");
        var (decision, warn) = Decide(prompt, paths, mode);
        if (argumentProblem is not null) warn = warn is null ? argumentProblem : argumentProblem + "; " + warn;
        long inBytes = Encoding.UTF8.GetByteCount(prompt);

        if (decision.Context is null)
            return new HookResult(HookOutcomes.Passthrough, null, inBytes, 0, null, paths) { Detail = warn };

        var json = Serialize(decision.Context);
        var detail = "lanes=" + string.Join(',', decision.Lanes) + (warn is null ? "" : "; " + warn);
        return new HookResult(HookOutcomes.Injected, null, inBytes, Encoding.UTF8.GetByteCount(decision.Context), json, paths) { Detail = detail };
    }

    /// <summary>The routing decision for <paramref name="prompt"/> in the workspace <paramref name="paths"/> (defaults + its
    /// dm.json), and the problems worth a log line (malformed dm.json, invalid patterns), or null.</summary>
    public static (RoutingDecision Decision, string? Warning) Decide(string prompt, WorkspacePaths paths, string mode = ToolNames.Repo)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(paths);
        var loaded = RoutingRulesLoader.Load(paths.ConfigFile);
        var router = new PromptRouter(loaded.Rules);
        var decision = router.Route(prompt, new WorkspaceFileProbe(paths.Root));
        if (decision.Context is not null) decision = decision with { Context = ToolNames.Rewrite(decision.Context, mode) };
        var problems = string.Join("; ", new[] { loaded.Warning }.Concat(router.Problems).Concat(decision.Problems).Where(static s => s is not null));
        return (decision, problems.Length == 0 ? null : problems);
    }

    public static byte[] Serialize(string additionalContext)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("hookSpecificOutput");
            w.WriteString("hookEventName", EventName);
            w.WriteString("additionalContext", additionalContext);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
