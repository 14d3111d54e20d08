using System.Text.RegularExpressions;

namespace DistributedModel.Compression.Steps;

/// <summary>Removes terminal escape sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.</summary>
public static partial class AnsiStripper
{
    public static string Strip(string text)
    {
        if (text.IndexOf('\u001b') < 0 && text.IndexOf('\u009b') < 0) return text;
        return EscapeRegex().Replace(text, "");
    }

    // OSC: ESC ] ... (BEL | ESC \) ; CSI: ESC [ params intermediates final (or the 8-bit CSI 0x9B); other: ESC + one char.
    [GeneratedRegex(@"\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[()*+][0-9A-Za-z]|\u001b[@-Z\\-_]|\u001b", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();
}
