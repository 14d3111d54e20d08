using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Wiring;

/// <summary>Source-generated JSON for <see cref="WiringDefaults"/> (the hooks library is AOT-compatible).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class WiringJsonContext : JsonSerializerContext;
