using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Site;

/// <summary>
/// A small C# highlighter for the site: wraps keywords, strings, comments, numbers and
/// capitalised type-like names in spans (<c>kw</c>, <c>str</c>, <c>com</c>, <c>num</c>, <c>typ</c>)
/// that site.css colours. Lexical only; good enough for lesson snippets.
/// </summary>
public static partial class CodeHighlighter
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "case", "catch", "class", "const", "continue", "default",
        "do", "double", "else", "enum", "false", "finally", "float", "for", "foreach", "get", "if", "in", "init", "int",
        "interface", "internal", "is", "long", "new", "null", "object", "out", "override", "params", "private", "protected",
        "public", "readonly", "record", "ref", "return", "sealed", "set", "static", "string", "struct", "switch", "this",
        "throw", "true", "try", "typeof", "using", "var", "void", "while", "with", "yield", "namespace", "char", "byte",
        "ulong", "uint", "where", "unmanaged", "let", "from", "select",
    ];

    [GeneratedRegex("""(?<com>//[^\n]*|/\*.*?\*/)|(?<str>@?\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)')|(?<num>\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[fFdDmMlL]?\b)|(?<id>\b[A-Za-z_][A-Za-z0-9_]*\b)""", RegexOptions.Singleline)]
    private static partial Regex Token();

    public static bool Handles(string? language) => language is "csharp" or "cs" or "c#" or "C#";

    /// <summary>Highlights plain (not HTML-encoded) code and returns HTML.</summary>
    public static string Highlight(string code)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match m in Token().Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[last..m.Index]));
            var text = WebUtility.HtmlEncode(m.Value);
            var cls = m.Groups["com"].Success ? "com"
                : m.Groups["str"].Success ? "str"
                : m.Groups["num"].Success ? "num"
                : Keywords.Contains(m.Value) ? "kw"
                : char.IsUpper(m.Value[0]) ? "typ"
                : null;
            html.Append(cls is null ? text : $"<span class=\"{cls}\">{text}</span>");
            last = m.Index + m.Length;
        }

        html.Append(WebUtility.HtmlEncode(code[last..]));
        return html.ToString();
    }
}
