using System.Text.Json.Serialization;

namespace DistributedModel.Providers.Ledger;

[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LedgerRecord))]
public sealed partial class LedgerJsonContext : JsonSerializerContext;
