using Course.Model.Files;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grader.Consistency;

/// <summary>
/// The public API of a project folder as a set of normalised signatures (types, members, parameters with defaults,
/// constraints; bodies, attributes and comments left out). Stub and solution twins must have equal surfaces.
/// </summary>
public static class PublicApiSurface
{
    public static IReadOnlySet<string> Of(string folder)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles.Absolute(folder))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(IsVisibleType))
            {
                var typeName = QualifiedName(type);
                set.Add($"{typeName}: {Tokens(HeaderOf(type))}");
                if (type is EnumDeclarationSyntax e)
                    foreach (var m in e.Members) set.Add($"{typeName}.{Tokens(m)}");
                if (type is TypeDeclarationSyntax t)
                    foreach (var member in t.Members.Where(m => m is not BaseTypeDeclarationSyntax && IsVisibleMember(m, t)))
                        set.Add($"{typeName}.{Tokens(Signature(member))}");
            }
            foreach (var d in root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Where(d => d.Modifiers.Any(SyntaxKind.PublicKeyword)))
                set.Add($"delegate {Tokens(d.WithAttributeLists(default))}");
        }
        return set;
    }

    /// <summary>Signatures only in <paramref name="a"/> (prefixed "-") or only in <paramref name="b"/> (prefixed "+").</summary>
    public static IReadOnlyList<string> Differences(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Except(b).Select(s => "- " + s).Concat(b.Except(a).Select(s => "+ " + s)).ToList();

    private static bool IsVisibleType(BaseTypeDeclarationSyntax type)
    {
        for (SyntaxNode? n = type; n is BaseTypeDeclarationSyntax t; n = n.Parent)
            if (!t.Modifiers.Any(SyntaxKind.PublicKeyword) && !t.Modifiers.Any(SyntaxKind.ProtectedKeyword)) return false;
        return true;
    }

    private static bool IsVisibleMember(MemberDeclarationSyntax m, TypeDeclarationSyntax owner) =>
        owner is InterfaceDeclarationSyntax
        || m.Modifiers.Any(SyntaxKind.PublicKeyword)
        || (m.Modifiers.Any(SyntaxKind.ProtectedKeyword) && !owner.Modifiers.Any(SyntaxKind.SealedKeyword));

    private static string QualifiedName(BaseTypeDeclarationSyntax type)
    {
        var parts = new List<string>();
        for (SyntaxNode? n = type; n is not null; n = n.Parent)
        {
            if (n is BaseTypeDeclarationSyntax t) parts.Insert(0, t.Identifier.Text + (t is TypeDeclarationSyntax { TypeParameterList: { } tp } ? $"`{tp.Parameters.Count}" : ""));
            if (n is BaseNamespaceDeclarationSyntax ns) parts.Insert(0, ns.Name.ToString());
        }
        return string.Join('.', parts);
    }

    private static SyntaxNode HeaderOf(BaseTypeDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax t => t.WithMembers(default).WithAttributeLists(default).WithOpenBraceToken(default).WithCloseBraceToken(default).WithSemicolonToken(default),
        EnumDeclarationSyntax e => e.WithMembers(default).WithAttributeLists(default).WithOpenBraceToken(default).WithCloseBraceToken(default),
        _ => type,
    };

    private static SyntaxNode Signature(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.WithBody(null).WithExpressionBody(null).WithSemicolonToken(default).WithAttributeLists(default),
        ConstructorDeclarationSyntax c => c.WithBody(null).WithExpressionBody(null).WithInitializer(null).WithSemicolonToken(default).WithAttributeLists(default),
        OperatorDeclarationSyntax o => o.WithBody(null).WithExpressionBody(null).WithSemicolonToken(default).WithAttributeLists(default),
        ConversionOperatorDeclarationSyntax o => o.WithBody(null).WithExpressionBody(null).WithSemicolonToken(default).WithAttributeLists(default),
        PropertyDeclarationSyntax p => p.WithAttributeLists(default).WithInitializer(null).WithSemicolonToken(default)
            .WithExpressionBody(null).WithAccessorList(p.AccessorList is null ? GetOnly : Accessors(p.AccessorList)),
        IndexerDeclarationSyntax i => i.WithAttributeLists(default).WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(i.AccessorList is null ? GetOnly : Accessors(i.AccessorList)),
        FieldDeclarationSyntax f => f.WithAttributeLists(default).WithDeclaration(f.Declaration.WithVariables(SyntaxFactory.SeparatedList(
            f.Declaration.Variables.Select(v => f.Modifiers.Any(SyntaxKind.ConstKeyword) ? v : v.WithInitializer(null))))),
        EventFieldDeclarationSyntax e => e.WithAttributeLists(default),
        _ => member.WithAttributeLists(default),
    };

    private static readonly AccessorListSyntax GetOnly = SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
        SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))));

    private static AccessorListSyntax Accessors(AccessorListSyntax list) =>
        SyntaxFactory.AccessorList(SyntaxFactory.List(list.Accessors
            .Where(a => !a.Modifiers.Any(SyntaxKind.PrivateKeyword))
            .Select(a => SyntaxFactory.AccessorDeclaration(a.Kind()).WithModifiers(a.Modifiers)
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)))));

    private static string Tokens(SyntaxNode node) => string.Join(' ', node.DescendantTokens().Where(t => t.Text.Length > 0).Select(t => t.Text));
}
