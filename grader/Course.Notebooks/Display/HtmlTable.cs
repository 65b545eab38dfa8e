using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Course.Notebooks.Display;

/// <summary>
/// HTML tables for notebook output: 2-D data (rows × columns) and sequences of scalars or
/// records (one column per public property). Long inputs are cut at <see cref="MaxRows"/> rows
/// with a "… n more rows" line, so a 60,000-row dataset cannot flood the notebook.
/// </summary>
public static class HtmlTable
{
    public const int MaxRows = 50;
    public const int MaxColumns = 30;

    public static string FromGrid(int rows, int columns, Func<int, int, object?> cell, string? caption = null)
    {
        var html = new StringBuilder("<table class=\"course-table\">");
        if (caption is not null) html.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        html.Append("<thead><tr><th></th>");
        for (var c = 0; c < Math.Min(columns, MaxColumns); c++) html.Append("<th>").Append(c).Append("</th>");
        if (columns > MaxColumns) html.Append("<th>…</th>");
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < Math.Min(rows, MaxRows); r++)
        {
            html.Append("<tr><th>").Append(r).Append("</th>");
            for (var c = 0; c < Math.Min(columns, MaxColumns); c++) html.Append("<td>").Append(Encode(Format(cell(r, c)))).Append("</td>");
            if (columns > MaxColumns) html.Append("<td>…</td>");
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (rows > MaxRows) html.Append("<p>… ").Append(rows - MaxRows).Append(" more rows</p>");
        return html.ToString();
    }

    /// <summary>A sequence: scalars give an index/value table; objects give one column per public property.</summary>
    public static string FromSequence(IEnumerable items)
    {
        var list = new List<object?>();
        var total = 0;
        foreach (var item in items)
        {
            if (list.Count < MaxRows) list.Add(item);
            total++;
        }

        var first = list.FirstOrDefault(i => i is not null);
        var html = new StringBuilder("<table class=\"course-table\"><thead><tr><th></th>");
        var properties = first is null || IsScalar(first)
            ? []
            : first.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        if (properties.Length == 0) html.Append("<th>value</th>");
        foreach (var p in properties) html.Append("<th>").Append(Encode(p.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < list.Count; i++)
        {
            html.Append("<tr><th>").Append(i).Append("</th>");
            if (properties.Length == 0) html.Append("<td>").Append(Encode(Format(list[i]))).Append("</td>");
            foreach (var p in properties)
            {
                var value = list[i] is { } item && p.DeclaringType!.IsInstanceOfType(item) ? p.GetValue(item) : null;
                html.Append("<td>").Append(Encode(Format(value))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (total > MaxRows) html.Append("<p>… ").Append(total - MaxRows).Append(" more rows</p>");
        return html.ToString();
    }

    public static bool IsScalar(object value) =>
        value is string or char or bool or decimal or DateTime or TimeSpan || value.GetType().IsPrimitive || value.GetType().IsEnum;

    /// <summary>Numbers in invariant culture, doubles with up to 6 significant digits.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Take(10).Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
