namespace DistributedModel.Hooks.Routing;

/// <summary>
/// The path-like words of a prompt: a word with a <c>/</c>, a <c>*</c> wildcard or a dot followed by an extension
/// (<c>logs/deploy.log</c>, <c>out.txt</c>, <c>logs/*.log</c>, <c>core.12345</c>), cut at quotes, backticks, spaces and
/// <c>:</c> (<c>src/a.cs:42</c>), stripped of trailing punctuation and a leading <c>./</c>. <c>~</c> paths, <c>..</c>
/// segments, URLs and words longer than <see cref="MaxLength"/> are left out. At most <c>max</c> distinct words, in order.
/// </summary>
public static class PathMentions
{
    public const int MaxLength = 200;

    public static IReadOnlyList<string> Find(string prompt, int max)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var found = new List<string>();
        int i = 0;
        while (i < prompt.Length && found.Count < max)
        {
            while (i < prompt.Length && !IsPathChar(prompt[i])) i++;
            int start = i;
            while (i < prompt.Length && IsPathChar(prompt[i])) i++;
            var word = prompt.AsSpan(start, i - start).TrimEnd(".,;!?");
            if (word.StartsWith("./")) word = word[2..];
            if (IsCandidate(word) && !found.Contains(word.ToString())) found.Add(word.ToString());
        }
        return found;
    }

    private static bool IsPathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '*' or '+' or '@' or '~';

    private static bool IsCandidate(ReadOnlySpan<char> w)
    {
        if (w.Length < 3 || w.Length > MaxLength || w[0] == '~' || w.EndsWith("/") || w.StartsWith("//")) return false; // a URL is cut at its ":"
        foreach (var range in w.Split('/'))
            if (w[range] is "..") return false;
        if (w.Contains('/') || w.Contains('*')) return true;
        int dot = w.LastIndexOf('.');
        return dot >= 0 && dot < w.Length - 1 && char.IsAsciiLetterOrDigit(w[dot + 1]);
    }
}
