using System.Text.Json.Serialization;
using DistributedModel.Mcp.Dispatch.Results;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>Indented JSON for the per-dispatch files people read.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReviewArtifact))]
[JsonSerializable(typeof(Jobs.DispatchJobState))]
internal sealed partial class DispatchArtifactJsonContext : JsonSerializerContext;
