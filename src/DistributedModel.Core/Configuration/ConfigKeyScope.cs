namespace DistributedModel.Core.Configuration;

/// <summary>Who may set a configuration key: the user (<c>~/.claude/dm.json</c>) always may; a repository's
/// <c>.claude/dm.json</c> travels with every clone, so what it may do is declared per key (<see cref="ConfigKeys"/>).</summary>
public enum ConfigKeyScope
{
    /// <summary>The repository may set it: it changes nothing a stranger could abuse (model ids, reviewers, layout).</summary>
    RepoMaySet,

    /// <summary>The repository may only make it stricter than the user's value (or the default): a lower limit, a tighter
    /// sandbox. A looser value is ignored with a warning.</summary>
    RepoMayTighten,

    /// <summary>Only the user may set it: executables, homes, hosts, sandbox lifts, allow lists, prices.</summary>
    UserOnly,
}
