using System.Text.Json.Serialization;

namespace DistributedModel.Core.Wiring;

/// <summary>Source-generated JSON for <see cref="WiringDefaults"/> (Core is AOT-compatible).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class WiringJsonContext : JsonSerializerContext;
