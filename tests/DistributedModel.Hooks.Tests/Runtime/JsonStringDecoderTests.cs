using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.Tests.Runtime;

public sealed class JsonStringDecoderTests
{
    private static JsonElement Element(string jsonLiteral) =>
        JsonDocument.Parse(Encoding.UTF8.GetBytes("{\"a\":" + jsonLiteral + "}")).RootElement.GetProperty("a");

    [Theory]
    [InlineData("\"plain ascii\"")]
    [InlineData("\"\"")]
    [InlineData("\"quote \\\" backslash \\\\ slash \\/ nl \\n cr \\r tab \\t bs \\b ff \\f\"")]
    [InlineData("\"nul \\u0000 e-acute \\u00e9 \\u00E9 euro \\u20AC esc \\u001b[31m\"")]
    [InlineData("\"pair \\uD83D\\uDE00 and \\ud83d\\ude00 end\"")]
    [InlineData("\"raw utf-8: naïve ✓ 日本 😀\"")]
    [InlineData("\"\\n\"")]
    [InlineData("\"é\\né\"")]
    public void Decodes_exactly_like_JsonElement_GetString(string literal)
    {
        var element = Element(literal);

        JsonStringDecoder.Decode(JsonMarshal.GetRawUtf8Value(element)).Should().Be(element.GetString());
        JsonStringDecoder.DecodedLength(JsonMarshal.GetRawUtf8Value(element)).Should().Be(element.GetString()!.Length, "the length without decoding");
    }

    [Theory]
    [InlineData("\"\\uD800x\"")]
    [InlineData("\"\\uDC00\"")]
    [InlineData("\"a\\uD800\\u0041\"")]
    [InlineData("\"\\uD800\\n\"")]
    [InlineData("\"\\uD800\"")]
    public void An_escaped_lone_surrogate_throws_like_JsonElement_GetString(string literal)
    {
        var element = Element(literal);

        var expected = () => element.GetString();
        var actual = () => JsonStringDecoder.Decode(JsonMarshal.GetRawUtf8Value(element));

        expected.Should().Throw<InvalidOperationException>();
        actual.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Random_text_round_trips_through_both_escaping_styles()
    {
        var rng = new Random(1234);
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (int n = 0; n < 200; n++)
        {
            var sb = new StringBuilder();
            int length = rng.Next(0, 3000);
            while (sb.Length < length)
            {
                int kind = rng.Next(5);
                if (kind == 0) sb.Append((char)rng.Next(0, 0x20));
                else if (kind == 1) sb.Append((char)rng.Next(0x20, 0x80));
                else if (kind == 2) sb.Append((char)rng.Next(0x80, 0xD800));
                else if (kind == 3) sb.Append(char.ConvertFromUtf32(rng.Next(0x10000, 0x10FFFF)));
                else sb.Append("\r\n\"\\/\u001b[0m");
            }
            var text = sb.ToString();
            foreach (var literal in new[] { JsonSerializer.Serialize(text), JsonSerializer.Serialize(text, relaxed) })
            {
                var element = Element(literal);
                JsonStringDecoder.Decode(JsonMarshal.GetRawUtf8Value(element)).Should().Be(text);
            }
        }
    }

    [Fact]
    public void JsonStrings_Text_reads_long_document_strings_and_short_ones_like_Of()
    {
        var longText = string.Concat(Enumerable.Repeat("line ü \u001b[1mbold\u001b[0m \"q\"\n", 200));
        var json = JsonSerializer.Serialize(new { stdout = longText, tool = "Bash", n = 3 });
        var root = JsonObject.Create(JsonDocument.Parse(json).RootElement)!;

        JsonStrings.Text(root["stdout"]).Should().Be(longText).And.Be(JsonStrings.Of(root["stdout"]));
        JsonStrings.Text(root["tool"]).Should().Be("Bash");
        JsonStrings.Text(root["n"]).Should().BeNull();
        JsonStrings.Text(JsonValue.Create(longText)).Should().Be(longText);
    }
}
