namespace DistributedModel.Compression.Steps;

/// <summary>A line of output and whether it must survive (classified once per pass).</summary>
public readonly record struct Line(string Text, bool Important)
{
    public static Line Classify(string text) => new(text, ImportantLineClassifier.IsImportant(text));

    public static Line Marker(string text) => new(text, true);
}
