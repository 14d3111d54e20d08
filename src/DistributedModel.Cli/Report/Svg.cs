using System.Globalization;
using System.Net;
using System.Text;

namespace DistributedModel.Cli.Report;

/// <summary>A tiny SVG writer: invariant numbers, escaped text.</summary>
public sealed class Svg
{
    private readonly StringBuilder _sb = new();
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public Svg(double width, double height, string label)
    {
        _sb.Append(C, $"<svg class=\"chart\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"{Esc(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        _sb.Append("<title>").Append(Esc(label)).Append("</title>");
    }

    public static string N(double v) => Math.Round(v, 2).ToString("0.##", C);
    public static string Esc(string s) => WebUtility.HtmlEncode(s);

    public Svg Rect(double x, double y, double w, double h, string fill, double rx = 0, string? title = null, string? cls = null)
    {
        _sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" rx=\"{N(rx)}\" fill=\"{fill}\"");
        if (cls is not null) _sb.Append($" class=\"{cls}\"");
        if (title is null) _sb.Append("/>");
        else _sb.Append("><title>").Append(Esc(title)).Append("</title></rect>");
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _sb.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null) _sb.Append($" stroke-dasharray=\"{dash}\"");
        _sb.Append("/>");
        return this;
    }

    public Svg Text(double x, double y, string text, string cls = "lbl", string anchor = "start")
    {
        _sb.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"{cls}\" text-anchor=\"{anchor}\">").Append(Esc(text)).Append("</text>");
        return this;
    }

    public Svg Path(string d, string fill, string? stroke = null, double strokeWidth = 0, string? title = null)
    {
        _sb.Append($"<path d=\"{d}\" fill=\"{fill}\"");
        if (stroke is not null) _sb.Append($" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (title is null) _sb.Append("/>");
        else _sb.Append("><title>").Append(Esc(title)).Append("</title></path>");
        return this;
    }

    public Svg Circle(double cx, double cy, double r, string fill, string? stroke = null)
    {
        _sb.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"");
        if (stroke is not null) _sb.Append($" stroke=\"{stroke}\" stroke-width=\"2\"");
        _sb.Append("/>");
        return this;
    }

    public override string ToString() => _sb + "</svg>";
}
