namespace DistributedModel.Compression.Steps;

/// <summary>
/// A line of output and whether it must survive (classified once per pass). <see cref="Chars"/> is usually a slice of
/// the text being compressed, so a line that is dropped never becomes a string of its own.
/// </summary>
public readonly record struct Line(ReadOnlyMemory<char> Chars, bool Important)
{
    /// <summary>The line as a string (the same instance when <see cref="Chars"/> covers a whole string).</summary>
    public string Text => Chars.ToString();

    public static Line Classify(string text) => Classify(text.AsMemory());

    public static Line Classify(ReadOnlyMemory<char> text) => new(text, ImportantLineClassifier.IsImportant(text.Span));

    public static Line Marker(string text) => new(text.AsMemory(), true);
}
