using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Routing;

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RoutingRules))]
public sealed partial class RoutingJsonContext : JsonSerializerContext;
