using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace DistributedModel.Hooks.Runtime;

/// <summary>
/// The JSON document Claude Code writes to a hook's stdin (fields per the hooks reference:
/// <c>session_id</c>, <c>cwd</c>, <c>hook_event_name</c>, <c>tool_name</c>, <c>tool_input</c>, <c>tool_response</c>, <c>prompt</c>, …).
/// Parsed as a <see cref="JsonNode"/> tree so unknown fields survive untouched.
/// </summary>
public sealed class HookInput
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private HookInput(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public string? HookEventName => GetString("hook_event_name");

    public string? Cwd => GetString("cwd");

    public string? ToolName => GetString("tool_name");

    /// <summary>The session's transcript (<c>~/.claude/projects/&lt;slug&gt;/&lt;session&gt;.jsonl</c>).</summary>
    public string? TranscriptPath => GetString("transcript_path");

    public string? Prompt => GetString("prompt");

    public JsonNode? ToolResponse => Root["tool_response"];

    public JsonNode? ToolInput => Root["tool_input"];

    /// <summary>
    /// Parses stdin bytes (copies them; see <see cref="Parse(ReadOnlyMemory{byte})"/> to parse in place). Throws <see cref="FailOpenException"/> with <c>invalid-utf8</c>, <c>malformed-json</c>
    /// or <c>not-an-object</c>.
    /// </summary>
    public static HookInput Parse(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8)) throw new FailOpenException("invalid-utf8");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, nodeOptions: null, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new FailOpenException("malformed-json", $"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
        }
        catch (InvalidOperationException)
        {
            throw new FailOpenException("malformed-json");
        }
        return node is JsonObject obj ? new HookInput(obj) : throw new FailOpenException("not-an-object");
    }

    /// <summary>
    /// As <see cref="Parse(ReadOnlySpan{byte})"/>, but the tree reads its values straight from <paramref name="utf8"/>,
    /// which must stay unchanged while the input is in use (no copy of a large document).
    /// </summary>
    public static HookInput Parse(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span)) throw new FailOpenException("invalid-utf8");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new FailOpenException("malformed-json", $"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
        }
        // Not disposed on purpose: the nodes read from the document for the life of the input.
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? new HookInput(JsonObject.Create(document.RootElement)!)
            : throw new FailOpenException("not-an-object");
    }

    private string? GetString(string name) =>
        JsonStrings.Of(Root[name]);
}
