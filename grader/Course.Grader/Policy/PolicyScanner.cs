using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grader.Policy;

/// <summary>
/// Roslyn scan of a learner's sources (syntax and bound symbols) against the allowlist of <see cref="PolicyRules"/>:
/// every type and member the code names must be the submission's own, on the allowlist, or an engine API the day
/// does not forbid; unsafe code, function pointers, <c>extern</c>, <c>dynamic</c> and the undocumented
/// <c>__makeref</c> family are refused by syntax; an exception may not be turned into text or an object (its text
/// carries the stack trace, which names the calling test). Runs before anything is emitted or executed.
/// </summary>
public static class PolicyScanner
{
    private static readonly SymbolDisplayFormat FullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    public static IReadOnlyList<PolicyViolation> Scan(Compilation compilation, IReadOnlyList<string> forbiddenEngineApis)
    {
        var found = new List<PolicyViolation>();
        var exception = compilation.GetTypeByMetadataName("System.Exception");
        foreach (var tree in compilation.SyntaxTrees.Where(t => !t.FilePath.StartsWith('<')))
        {
            var model = compilation.GetSemanticModel(tree);
            var engineApis = EngineApisFor(tree.FilePath, forbiddenEngineApis);
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
            {
                var syntactic = SyntacticRule(node);
                if (syntactic is not null) { found.Add(At(node, syntactic.Value.Api, syntactic.Value.Reason)); continue; }
                if (node is ExpressionSyntax expression && ExceptionTurnedIntoText(model, expression, exception))
                {
                    found.Add(At(node, "Exception → text", PolicyRules.Inspection));
                    continue;
                }
                if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AttributeSyntax)) continue;
                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null) continue;
                if (Check(symbol, compilation, engineApis) is { } hit) found.Add(At(node, hit.Api, hit.Reason));
            }
        }
        return found.DistinctBy(v => (v.File, v.Line, v.Api)).OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ToList();
    }

    /// <summary>Entries apply to every file; "Api @ File.cs" only to that file (e.g. GradCheck while writing the numerical
    /// gradient); "Api @ !File.cs" to every file but that one (an API one exercise may build on, also in files the
    /// learner adds).</summary>
    private static List<string> EngineApisFor(string file, IReadOnlyList<string> entries)
    {
        var name = Path.GetFileName(file);
        var list = new List<string>();
        foreach (var entry in entries)
        {
            var at = entry.IndexOf(" @ ", StringComparison.Ordinal);
            if (at < 0) { list.Add(entry.Trim()); continue; }
            var target = entry[(at + 3)..].Trim();
            var except = target.StartsWith('!');
            if (string.Equals(except ? target[1..].Trim() : target, name, StringComparison.OrdinalIgnoreCase) != except) list.Add(entry[..at].Trim());
        }
        return list;
    }

    private static (string Api, string Reason)? SyntacticRule(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => ("unsafe", PolicyRules.Native),
        FunctionPointerTypeSyntax => ("delegate*", PolicyRules.Native),
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => ("__makeref", PolicyRules.Native),
        ExpressionSyntax e when e.IsKind(SyntaxKind.ArgListExpression) => ("__arglist", PolicyRules.Native),
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.UnsafeKeyword) => ("unsafe", PolicyRules.Native),
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.ExternKeyword) => ("extern", PolicyRules.Native),
        LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.UnsafeKeyword) || f.Modifiers.Any(SyntaxKind.ExternKeyword) => ("unsafe", PolicyRules.Native),
        _ => null,
    };

    /// <summary>
    /// An expression of an exception type that becomes something else than an exception (a string, an object, an
    /// interpolation hole): its text would be <c>Exception.ToString()</c>, stack trace included.
    /// </summary>
    private static bool ExceptionTurnedIntoText(SemanticModel model, ExpressionSyntax expression, INamedTypeSymbol? exception)
    {
        if (exception is null || expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax)) return false;
        if (expression.Parent is MemberAccessExpressionSyntax access && access.Expression == expression) return false; // e.Message: the member decides
        if (expression.Parent is InvocationExpressionSyntax call && call.Expression == expression) return false;
        var info = model.GetTypeInfo(expression);
        if (!IsException(info.Type, exception)) return false;
        if (expression.Parent is InterpolationSyntax) return true;
        return info.ConvertedType is not null && !IsException(info.ConvertedType, exception) && info.ConvertedType.TypeKind != TypeKind.Error;
    }

    private static bool IsException(ITypeSymbol? type, INamedTypeSymbol exception)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t, exception)) return true;
        return false;
    }

    private static (string Api, string Reason)? Check(ISymbol symbol, Compilation compilation, IReadOnlyList<string> engineApis)
    {
        if (symbol is IDynamicTypeSymbol) return ("dynamic", PolicyRules.Dynamic);
        if (symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension } reduced) symbol = reduced.ReducedFrom ?? symbol;
        if (symbol is IAliasSymbol alias) symbol = alias.Target;
        if (symbol is INamespaceSymbol or ITypeParameterSymbol or IArrayTypeSymbol or IPointerTypeSymbol or IDiscardSymbol
            or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IPreprocessingSymbol) return null;

        var type = (symbol as INamedTypeSymbol ?? symbol.ContainingType)?.OriginalDefinition;
        if (type is null || type.IsAnonymousType || type.IsTupleType) return null;
        if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly) && symbol.ContainingAssembly is { } own
            && SymbolEqualityComparer.Default.Equals(own, compilation.Assembly)) return null;

        var typeName = type.ToDisplayString(FullName);
        var outer = type;
        while (outer.ContainingType is not null) outer = outer.ContainingType.OriginalDefinition;
        var outerName = outer.ToDisplayString(FullName);
        var ns = outer.ContainingNamespace?.ToDisplayString() ?? "";
        var memberName = symbol is INamedTypeSymbol || symbol.Name == ".ctor" ? null : symbol.Name;
        var api = memberName is null ? typeName : $"{typeName}.{memberName}";

        if (ns == PolicyRules.EngineNamespace || ns.StartsWith(PolicyRules.EngineNamespace + ".", StringComparison.Ordinal))
        {
            foreach (var entry in engineApis)
            {
                const string reason = "the reference engine's implementation of what this day grades; write it yourself";
                if (entry.EndsWith(".*") && typeName.StartsWith(entry[..^1], StringComparison.Ordinal)) return (api, reason);
                if (entry == typeName || entry == api || typeName.StartsWith(entry + ".", StringComparison.Ordinal)) return (api, reason);
            }
            return PolicyRules.DeniedEngineTypes.Contains(outerName) ? (api, PolicyRules.FileIo) : null;
        }
        if (ns.StartsWith("Course.Day", StringComparison.Ordinal)) return null;

        if (PolicyRules.DeniedMembers.Contains(api) || PolicyRules.DeniedTypes.Contains(outerName)) return (api, PolicyRules.ReasonFor(api));
        if (PolicyRules.AllowedMembers.Contains(api)) return null;
        if (symbol is INamedTypeSymbol && PolicyRules.AllowedMembers.Any(m => m.StartsWith(typeName + ".", StringComparison.Ordinal))) return null; // Console in Console.WriteLine
        if (PolicyRules.AllowedNamespaces.Contains(ns) || PolicyRules.AllowedTypes.Contains(outerName)) return null;
        return (api, PolicyRules.ReasonFor(api));
    }

    private static PolicyViolation At(SyntaxNode node, string api, string reason)
    {
        var span = node.GetLocation().GetLineSpan();
        return new PolicyViolation(span.Path, span.StartLinePosition.Line + 1, api, reason);
    }
}
