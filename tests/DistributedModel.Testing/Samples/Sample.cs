namespace DistributedModel.Testing.Samples;

/// <summary>A realistic tool output and the lines that must survive any compression of it.</summary>
/// <param name="Name">Short name (used in benchmark tables).</param>
/// <param name="Text">The raw output, as the tool printed it (ANSI and <c>\r</c> included where the tool would emit them).</param>
/// <param name="MustSurvive">Lines (after ANSI strip) that compression must keep verbatim: errors, warnings, file:line references, summaries.</param>
public sealed record Sample(string Name, string Text, IReadOnlyList<string> MustSurvive);
