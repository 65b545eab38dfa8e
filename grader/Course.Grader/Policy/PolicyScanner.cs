using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grader.Policy;

/// <summary>
/// Roslyn scan of a learner's sources (syntax and bound symbols) for forbidden APIs: reflection, processes, file and
/// network IO, P/Invoke, unsafe code and function pointers, dynamic, ending the process, assembly loading, and the
/// engine's reference implementation of whatever the day grades. Runs before anything is emitted or executed.
/// </summary>
public static class PolicyScanner
{
    private static readonly SymbolDisplayFormat FullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    public static IReadOnlyList<PolicyViolation> Scan(Compilation compilation, IReadOnlyList<string> forbiddenEngineApis)
    {
        var found = new List<PolicyViolation>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => !t.FilePath.StartsWith('<')))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
            {
                var syntactic = SyntacticRule(node);
                if (syntactic is not null) { found.Add(At(node, syntactic.Value.Api, syntactic.Value.Reason)); continue; }
                if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AttributeSyntax)) continue;
                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null) continue;
                if (Check(symbol, EngineApisFor(tree.FilePath, forbiddenEngineApis)) is { } hit) found.Add(At(node, hit.Api, hit.Reason));
            }
        }
        return found.DistinctBy(v => (v.File, v.Line, v.Api)).OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ToList();
    }

    /// <summary>Entries apply to every file, or only to one file with "Api @ File.cs" (e.g. GradCheck while writing the numerical gradient).</summary>
    private static List<string> EngineApisFor(string file, IReadOnlyList<string> entries)
    {
        var name = Path.GetFileName(file);
        var list = new List<string>();
        foreach (var entry in entries)
        {
            var at = entry.IndexOf(" @ ", StringComparison.Ordinal);
            if (at < 0) list.Add(entry.Trim());
            else if (string.Equals(entry[(at + 3)..].Trim(), name, StringComparison.OrdinalIgnoreCase)) list.Add(entry[..at].Trim());
        }
        return list;
    }

    private static (string Api, string Reason)? SyntacticRule(SyntaxNode node) => node switch
    {
        UnsafeStatementSyntax => ("unsafe", PolicyRules.Native),
        FunctionPointerTypeSyntax => ("delegate*", PolicyRules.Native),
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.UnsafeKeyword) => ("unsafe", PolicyRules.Native),
        MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.ExternKeyword) => ("extern", PolicyRules.Native),
        LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.UnsafeKeyword) || f.Modifiers.Any(SyntaxKind.ExternKeyword) => ("unsafe", PolicyRules.Native),
        _ => null,
    };

    private static (string Api, string Reason)? Check(ISymbol symbol, IReadOnlyList<string> engineApis)
    {
        if (symbol is IDynamicTypeSymbol) return ("dynamic", PolicyRules.Dynamic);
        if (symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension } reduced) symbol = reduced.ReducedFrom ?? symbol;
        if (symbol is IAliasSymbol alias) symbol = alias.Target;

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (symbol is IArrayTypeSymbol or IPointerTypeSymbol) return null;
        if (symbol is INamespaceSymbol ns) return NamespaceRule(ns.ToDisplayString(), ns.ToDisplayString());
        if (type is null) return null;
        type = type.OriginalDefinition;

        var typeName = type.ToDisplayString(FullName);
        var memberName = symbol is INamedTypeSymbol ? null : symbol.Name == ".ctor" ? null : symbol.Name;
        var api = memberName is null ? typeName : $"{typeName}.{memberName}";

        foreach (var entry in engineApis)
        {
            var reason = "the reference engine's implementation of what this day grades; write it yourself";
            if (entry.EndsWith(".*") && (typeName.StartsWith(entry[..^1], StringComparison.Ordinal))) return (api, reason);
            if (entry == typeName || entry == api || typeName.StartsWith(entry + ".", StringComparison.Ordinal)) return (api, reason);
        }
        if (PolicyRules.Members.TryGetValue(api, out var memberReason)) return (api, memberReason);
        if (PolicyRules.Types.TryGetValue(typeName, out var typeReason)) return (api, typeReason);
        if (typeName is "System.Type" or "System.Reflection.MemberInfo" && memberName is not null)
            return PolicyRules.HarmlessTypeMembers.Contains(memberName) ? null : (api, PolicyRules.Reflection);
        return NamespaceRule(type.ContainingNamespace?.ToDisplayString() ?? "", api);
    }

    private static (string Api, string Reason)? NamespaceRule(string ns, string api)
    {
        foreach (var (prefix, reason) in PolicyRules.Namespaces)
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal)) return (api, reason);
        return null;
    }

    private static PolicyViolation At(SyntaxNode node, string api, string reason)
    {
        var span = node.GetLocation().GetLineSpan();
        return new PolicyViolation(span.Path, span.StartLinePosition.Line + 1, api, reason);
    }
}
