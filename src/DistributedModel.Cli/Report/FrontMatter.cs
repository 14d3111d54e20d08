namespace DistributedModel.Cli.Report;

/// <summary>Minimal <c>---</c> front matter: <c>key: value</c> lines, <c># comments</c> stripped.</summary>
public static class FrontMatter
{
    /// <summary>The key/value pairs, or null if the text does not start with a front matter block.</summary>
    public static Dictionary<string, string>? Read(string text) => Split(text)?.Fields;

    /// <summary>Front matter fields and the body after it; null if there is no front matter.</summary>
    public static (Dictionary<string, string> Fields, string Body)? Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---") return null;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == "---") return (fields, string.Join('\n', lines.Skip(i + 1)));
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            fields[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
        }
        return null;
    }
}
