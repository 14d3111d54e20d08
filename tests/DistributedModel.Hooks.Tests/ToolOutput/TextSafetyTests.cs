using DistributedModel.Hooks.ToolOutput;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class TextSafetyTests
{
    [Theory]
    [InlineData("plain build output\nwith lines\tand tabs\r\n")]
    [InlineData("\u001b[32mgreen\u001b[0m progress\r 50%\r100%\n")]
    [InlineData("unicode ✓ naïve 日本語\n")]
    public void Ordinary_terminal_text_is_not_binary(string text) => TextSafety.LooksBinary(text).Should().BeFalse();

    [Fact]
    public void Text_with_nul_characters_is_binary() => TextSafety.LooksBinary("ELF\0\0\0header").Should().BeTrue();

    [Fact]
    public void Text_dense_with_control_characters_is_binary() =>
        TextSafety.LooksBinary(string.Concat(Enumerable.Range(1, 400).Select(i => i % 3 == 0 ? (char)0x02 : 'a'))).Should().BeTrue();

    [Fact]
    public void Text_dense_with_replacement_characters_from_bad_utf8_is_binary() =>
        TextSafety.LooksBinary(string.Concat(Enumerable.Repeat("ab\uFFFD", 300))).Should().BeTrue();
}
