using System.Text.Json.Serialization;

namespace DistributedModel.Core.Ledger;

[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LedgerRecord))]
public sealed partial class LedgerJsonContext : JsonSerializerContext;
