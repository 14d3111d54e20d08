using System.Globalization;
using System.Text;

namespace DistributedModel.Cli.Terminal;

/// <summary>
/// Everything <c>dm</c> prints goes through this writer (issue 26.6): <c>dm report</c>, <c>discover</c> and <c>doctor</c>
/// print text taken from <c>hooks.log</c>, the ledger, audit front matter and past prompts, which a repository or a model
/// can fill with terminal escapes — OSC 52 writes the clipboard, OSC 0 retitles the window, CSI moves the cursor over
/// earlier lines. Control characters (C0 except tab and newline, DEL, C1) are written as visible text (<c>\x1B</c>,
/// <c>\u009B</c>); line breaks <c>dm</c> writes itself (<see cref="TextWriter.WriteLine()"/>) pass through.
/// </summary>
public sealed class SafeTerminalWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>The visible form of <paramref name="c"/>, or null when it prints as itself.</summary>
    public static string? Escape(char c) => c switch
    {
        '\t' or '\n' => null,
        < ' ' or '\u007F' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
        >= '\u0080' and <= '\u009F' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary><paramref name="text"/> with every control character made visible.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            var escaped = Escape(text[i]);
            if (escaped is null) { sb?.Append(text[i]); continue; }
            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            sb.Append(escaped);
        }
        return sb?.ToString() ?? text;
    }

    public override void Write(char value)
    {
        if (Escape(value) is { } escaped) inner.Write(escaped);
        else inner.Write(value);
    }

    public override void Write(string? value) => inner.Write(Sanitize(value));

    public override void Write(char[] buffer, int index, int count) => inner.Write(Sanitize(new string(buffer, index, count)));

    public override void Write(ReadOnlySpan<char> buffer) => inner.Write(Sanitize(new string(buffer)));

    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value)
    {
        inner.Write(Sanitize(value));
        inner.WriteLine();
    }

    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }

    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

    public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }

    public override Task WriteLineAsync() { WriteLine(); return Task.CompletedTask; }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
