using System.Text.Json.Serialization;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Results;

namespace DistributedModel.Mcp.Dispatch;

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LedgerRecord))]
internal sealed partial class DispatchJsonContext : JsonSerializerContext;

/// <summary>Indented JSON for the per-dispatch files people read.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReviewArtifact))]
internal sealed partial class DispatchArtifactJsonContext : JsonSerializerContext;
