using System.Globalization;
using System.Net;
using System.Text;

namespace Captions.Bench.Reports;

/// <summary>
/// A static SVG chart built as text: a plot area with linear axes (ticks, labels with units), a legend row above it,
/// and primitives in data coordinates. The HTML report inlines these so charts render with no script, no font and no
/// network; every piece of text goes through <see cref="Escape"/> because captions are untrusted input.
/// </summary>
internal sealed class SvgPlot
{
    public const double MarginLeft = 140;
    public const double MarginRight = 24;
    public const double MarginTop = 34;
    public const double MarginBottom = 48;

    private readonly StringBuilder _body = new();
    private readonly string _name;
    private readonly string _title;
    private readonly string? _item;
    private double _xMin, _xMax = 1, _yMin, _yMax = 1;

    public SvgPlot(string name, string title, double width, double height, string? item = null)
    {
        _name = name;
        _title = title;
        _item = item;
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public double PlotLeft => MarginLeft;

    public double PlotRight => Width - MarginRight;

    public double PlotTop => MarginTop;

    public double PlotBottom => Height - MarginBottom;

    /// <summary>Text safe for HTML/SVG element content and double-quoted attributes.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Coordinates with one decimal: enough for a screen, and it keeps big charts small.</summary>
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A chart in place of one that has nothing to draw, saying why, so an empty run is not a broken picture.</summary>
    public static string NoData(string name, string title, string reason, string? item = null)
    {
        var plot = new SvgPlot(name, title, 600, 60, item);
        plot._body.Append(CultureInfo.InvariantCulture, $"<text class=\"nodata\" x=\"12\" y=\"36\" font-size=\"14\" fill=\"#555\">no data: {Escape(reason)}</text>");
        return plot.Finish(empty: true);
    }

    public void SetX(double min, double max)
    {
        (_xMin, _xMax) = Range(min, max);
    }

    public void SetY(double min, double max)
    {
        (_yMin, _yMax) = Range(min, max);
    }

    public double X(double value) => PlotLeft + ((Math.Clamp(value, _xMin, _xMax) - _xMin) / (_xMax - _xMin) * (PlotRight - PlotLeft));

    public double Y(double value) => PlotBottom - ((Math.Clamp(value, _yMin, _yMax) - _yMin) / (_yMax - _yMin) * (PlotBottom - PlotTop));

    /// <summary>Frame, ticks and labels; <paramref name="yTicks"/> false for category rows labelled by the caller.</summary>
    public void Axes(string xLabel, string? yLabel, bool yTicks = true)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<g class=\"axes\" stroke=\"#333\" stroke-width=\"1\"><line x1=\"{F(PlotLeft)}\" y1=\"{F(PlotBottom)}\" x2=\"{F(PlotRight)}\" y2=\"{F(PlotBottom)}\"/><line x1=\"{F(PlotLeft)}\" y1=\"{F(PlotTop)}\" x2=\"{F(PlotLeft)}\" y2=\"{F(PlotBottom)}\"/></g>");
        _body.Append("<g class=\"ticks\" font-size=\"11\" fill=\"#333\">");
        foreach (double tick in Ticks(_xMin, _xMax))
        {
            double x = X(tick);
            _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(PlotBottom)}\" x2=\"{F(x)}\" y2=\"{F(PlotBottom + 4)}\" stroke=\"#333\"/><text x=\"{F(x)}\" y=\"{F(PlotBottom + 16)}\" text-anchor=\"middle\">{TickLabel(tick)}</text>");
        }

        if (yTicks)
        {
            foreach (double tick in Ticks(_yMin, _yMax))
            {
                double y = Y(tick);
                _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(PlotLeft - 4)}\" y1=\"{F(y)}\" x2=\"{F(PlotLeft)}\" y2=\"{F(y)}\" stroke=\"#333\"/><line x1=\"{F(PlotLeft)}\" y1=\"{F(y)}\" x2=\"{F(PlotRight)}\" y2=\"{F(y)}\" stroke=\"#ddd\"/><text x=\"{F(PlotLeft - 7)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{TickLabel(tick)}</text>");
            }
        }

        _body.Append("</g>");
        _body.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{F((PlotLeft + PlotRight) / 2)}\" y=\"{F(Height - 10)}\" text-anchor=\"middle\" font-size=\"12\">{Escape(xLabel)}</text>");
        if (yLabel is not null)
        {
            double cy = (PlotTop + PlotBottom) / 2;
            _body.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"16\" y=\"{F(cy)}\" transform=\"rotate(-90 16 {F(cy)})\" text-anchor=\"middle\" font-size=\"12\">{Escape(yLabel)}</text>");
        }
    }

    /// <summary>Colour swatches with labels in the top margin, left to right.</summary>
    public void Legend(IEnumerable<(string Label, string Color)> entries)
    {
        double x = PlotLeft;
        _body.Append("<g class=\"legend\" font-size=\"12\">");
        foreach ((string label, string color) in entries)
        {
            _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{color}\"/><text x=\"{F(x + 19)}\" y=\"20\">{Escape(label)}</text>");
            // About 7 px per character at 12 px: enough to keep labels apart without measuring text.
            x += 19 + (7 * Math.Min(label.Length, 40)) + 18;
        }

        _body.Append("</g>");
    }

    public void Raw(string svg) => _body.Append(svg);

    public void Text(double x, double y, string text, string attributes = "", double fontSize = 11) =>
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{F(fontSize)}\" {attributes}>{Escape(text)}</text>");

    /// <summary>A rectangle in pixel coordinates, with an optional tooltip (escaped).</summary>
    public void Rect(double x, double y, double width, double height, string color, string? tooltip = null, string attributes = "")
    {
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(width, 0.5))}\" height=\"{F(height)}\" fill=\"{color}\" {attributes}");
        _body.Append(tooltip is null ? "/>" : $"><title>{Escape(tooltip)}</title></rect>");
    }

    /// <summary>A polyline through points in data coordinates.</summary>
    public void Line(IEnumerable<(double X, double Y)> points, string color, double strokeWidth = 2, string attributes = "")
    {
        _body.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append(CultureInfo.InvariantCulture, $"\" stroke-width=\"{F(strokeWidth)}\" {attributes} points=\"");
        foreach ((double x, double y) in points)
        {
            _body.Append(F(X(x))).Append(',').Append(F(Y(y))).Append(' ');
        }

        _body.Append("\"/>");
    }

    public string Finish(bool empty = false)
    {
        var svg = new StringBuilder(_body.Length + 400);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"{Escape(_name)}\"");
        if (_item is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" data-item=\"{Escape(_item)}\"");
        }

        if (empty)
        {
            svg.Append(" data-empty=\"true\"");
        }

        svg.Append(CultureInfo.InvariantCulture, $" width=\"{F(Width)}\" height=\"{F(Height)}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" font-family=\"sans-serif\"><title>{Escape(_title)}</title>");
        svg.Append(_body);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>"Nice" tick values (1, 2 or 5 times a power of ten) covering [min, max], about five of them.</summary>
    internal static IEnumerable<double> Ticks(double min, double max)
    {
        double rough = (max - min) / 5;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double mantissa = rough / power;
        double multiple = mantissa switch
        {
            < 1.5 => 1,
            < 3.5 => 2,
            < 7.5 => 5,
            _ => 10,
        };
        double step = multiple * power;
        for (double tick = Math.Ceiling(min / step) * step; tick <= max + (step * 1e-9); tick += step)
        {
            yield return Math.Abs(tick) < step * 1e-9 ? 0 : tick;
        }
    }

    private static string TickLabel(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static (double Min, double Max) Range(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return (0, 1);
        }

        return max > min ? (min, max) : (min, min + 1);
    }
}
