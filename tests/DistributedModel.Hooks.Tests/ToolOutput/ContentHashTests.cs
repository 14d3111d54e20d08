using System.Text;
using DistributedModel.Hooks.ToolOutput;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class ContentHashTests
{
    [Fact]
    public void Hash_is_twelve_hex_digits_stable_and_content_sensitive()
    {
        var a = ContentHash.Of("error CS0103 at line 12");

        a.Should().MatchRegex("^[0-9a-f]{12}$");
        ContentHash.Of("error CS0103 at line 12").Should().Be(a);
        ContentHash.Of("error CS0103 at line 13").Should().NotBe(a);
    }

    [Fact]
    public void String_and_utf8_bytes_of_the_same_text_hash_alike()
    {
        const string text = "naïve ✓ 日本 \u001b[31mred\u001b[0m";

        ContentHash.Of(Encoding.UTF8.GetBytes(text)).Should().Be(ContentHash.Of(text));
    }

    [Fact]
    public void Invalid_utf16_hashes_like_its_replacement_character_bytes_across_chunk_boundaries()
    {
        var text = new string('a', 4095) + "\uD83D\uDE00" + new string('b', 5000) + "\uD800x";
        var utf8 = Encoding.UTF8.GetBytes(new string('a', 4095) + "\U0001F600" + new string('b', 5000) + "\uFFFDx");

        ContentHash.Of(text).Should().Be(ContentHash.Of(utf8));
    }

    [Fact]
    public void Every_length_hashes_alike_as_string_and_bytes_and_each_prefix_differs()
    {
        // Lengths around the 8-byte word and the 4,096-byte chunk: the carried tail must not change the result.
        var text = string.Concat(Enumerable.Range(0, 700).Select(static i => $"line {i} é\n"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (int length in Enumerable.Range(0, 24).Concat(Enumerable.Range(4080, 40)).Concat([text.Length]))
        {
            var prefix = text[..length];
            var hash = ContentHash.Of(prefix);
            ContentHash.Of(Encoding.UTF8.GetBytes(prefix)).Should().Be(hash, $"length {length}");
            seen.Add(hash).Should().BeTrue($"the prefix of length {length} has its own hash");
        }
    }
}
