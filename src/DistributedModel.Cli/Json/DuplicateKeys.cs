using System.Text;
using System.Text.Json;

namespace DistributedModel.Cli.Json;

/// <summary>
/// Finds the first property name repeated inside one JSON object. System.Text.Json (with
/// <c>AllowDuplicateProperties = false</c>) rejects such a document but names no position; this says where.
/// </summary>
public static class DuplicateKeys
{
    /// <summary>The repeated name with the 1-based line/column of its second occurrence and the line of the first; null if none.</summary>
    public static (string Name, int Line, int Column, int FirstLine)? Find(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var objects = new Stack<Dictionary<string, long>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: objects.Push(new Dictionary<string, long>(StringComparer.Ordinal)); break;
                    case JsonTokenType.StartArray: objects.Push(null); break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray: objects.Pop(); break;
                    case JsonTokenType.PropertyName when objects.Peek() is { } seen:
                        var name = reader.GetString()!;
                        var at = reader.TokenStartIndex;
                        if (seen.TryGetValue(name, out var first))
                        {
                            var (line, column) = Position(bytes, at);
                            return (name, line, column, Position(bytes, first).Line);
                        }
                        seen[name] = at;
                        break;
                }
            }
        }
        catch (JsonException) { } // malformed elsewhere: the parser's own message says where
        return null;
    }

    private static (int Line, int Column) Position(byte[] bytes, long offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, (int)offset - lineStart) + 1);
    }
}
