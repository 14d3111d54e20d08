using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// The <c>files</c> part of a lane: the lane also matches when the prompt names a file of the project that is at least
/// <see cref="MinBytes"/> long and not source code, unless an <see cref="Exclude"/> pattern matches the prompt with every
/// mentioned path written as <c>FILE</c> ("rename FILE to …", "fix the parse error in FILE"). Only names and sizes are
/// looked at (a bounded number of stat calls); nothing is read.
/// </summary>
public sealed record BulkyFileRule
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }

    /// <summary>Smallest file that counts as bulky (default 32 KB).</summary>
    [JsonPropertyName("minBytes")] public long? MinBytes { get; init; }

    /// <summary>Extensions (without the dot) of files the user edits rather than reads: never a bulky-file case.</summary>
    [JsonPropertyName("sourceExtensions")] public IReadOnlyList<string>? SourceExtensions { get; init; }

    /// <summary>Patterns run on the prompt with each mentioned path replaced by <c>FILE</c>; any match turns the file check off.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>The hint, with <c>{files}</c> ("logs/deploy.log is 180 KB") and <c>{paths}</c> (<c>"logs/deploy.log"</c>, JSON strings).</summary>
    [JsonPropertyName("guidance")] public string? Guidance { get; init; }
}
