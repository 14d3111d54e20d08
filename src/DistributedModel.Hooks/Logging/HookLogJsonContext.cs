using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Logging;

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(HookLogRecord))]
public sealed partial class HookLogJsonContext : JsonSerializerContext;
