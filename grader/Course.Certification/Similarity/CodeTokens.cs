using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Certification.Similarity;

/// <summary>One token of a source file as the fingerprints see it: its normalised text and where it stands (1-based line).</summary>
public readonly record struct CodeToken(string Normal, int Line);

/// <summary>
/// A C# file as Roslyn tokens, normalised so that renaming and re-wording do not hide a copy: every identifier becomes
/// <c>I</c>, every literal (numbers, strings, characters, the text parts of interpolated strings) <c>L</c>; keywords and
/// punctuation stay. Comments and whitespace are trivia and never tokens. Using directives are dropped: they say
/// which namespaces a file needs, not how the learner solved anything.
/// </summary>
public static class CodeTokens
{
    public const string Identifier = "I";
    public const string Literal = "L";

    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    public static IReadOnlyList<CodeToken> Read(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, Options);
        var tokens = new List<CodeToken>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing || token.IsKind(SyntaxKind.EndOfFileToken) || token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null) continue;
            tokens.Add(new CodeToken(Normalise(token), token.GetLocation().GetLineSpan().StartLinePosition.Line + 1));
        }
        return tokens;
    }

    public static string Normalise(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => Identifier,
        SyntaxKind.NumericLiteralToken or SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringTextToken => Literal,
        _ => token.Text,
    };
}
