using System.Text.Json.Serialization;

namespace DistributedModel.Core.Logging;

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(HookLogRecord))]
public sealed partial class HookLogJsonContext : JsonSerializerContext;
