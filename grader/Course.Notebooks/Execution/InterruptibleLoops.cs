using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Notebooks.Execution;

/// <summary>
/// Makes a cell's loops interruptible: every for/foreach/while/do body starts with a check of the
/// cell's interrupt token. Script code cannot be aborted from outside in .NET, so this is how
/// the kernel's interrupt_request stops `while (true) { … }`. The check is inserted without line
/// breaks, so line numbers in errors still match the learner's cell. (Loops inside library code,
/// e.g. the DayNN assembly, are not instrumented; they end on their own.)
/// </summary>
public sealed class InterruptibleLoops : CSharpSyntaxRewriter
{
    // Fully qualified and static: valid in static methods, lambdas and types declared in the cell.
    private static readonly StatementSyntax Check =
        SyntaxFactory.ParseStatement("global::Course.Notebooks.Execution.CellInterrupt.ThrowIfRequested();").WithoutTrivia();

    public static string Instrument(string code)
    {
        if (!code.Contains("for", StringComparison.Ordinal) && !code.Contains("while", StringComparison.Ordinal)) return code;
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        return new InterruptibleLoops().Visit(tree.GetRoot()).ToFullString();
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    private static StatementSyntax Guard(StatementSyntax body) => body switch
    {
        BlockSyntax block => block.WithStatements(block.Statements.Insert(0, Check)),
        _ => SyntaxFactory.Block(Check, body.WithoutLeadingTrivia())
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken)),
    };
}
