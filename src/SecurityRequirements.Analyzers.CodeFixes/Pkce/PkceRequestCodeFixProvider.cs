using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Pkce;

/// <summary>
/// SRA2005 for the IdentityModel helpers: <c>CreateAuthorizeUrl(...)</c> gets a fresh verifier local and
/// <c>codeChallenge: PkceCodes.CreateChallenge(verifier), codeChallengeMethod: "S256"</c> (the PkceCodes helper is added
/// once per project); an <c>AuthorizationCodeTokenRequest</c> initializer gets <c>CodeVerifier = verifier</c> when a
/// verifier is in scope. Hand-built URL and form strings get no fix: where the verifier lives is the app's design.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PkceRequestCodeFixProvider)), Shared]
public sealed class PkceRequestCodeFixProvider : CodeFixProvider
{
    private const string Title = "Send a PKCE S256 code challenge / code verifier";
    private static readonly string[] VerifierNames = { "codeVerifier", "verifier", "pkceVerifier", "code_verifier" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AuthorizationRequestWithoutPkce);

    public override FixAllProvider GetFixAllProvider() => new SolutionBatchFixAllProvider(Title, DiagnosticIds.AuthorizationRequestWithoutPkce, FixDocumentsAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(model, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), context.CancellationToken) is not null)
            {
                var work = new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) };
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixDocumentsAsync(context.Document.Project.Solution, work, ct), equivalenceKey: DiagnosticIds.AuthorizationRequestWithoutPkce),
                    diagnostic);
            }
        }
    }

    /// <summary>What to change for one diagnostic, or null when no safe fix exists.</summary>
    private static FixPlan? Plan(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is InvocationExpressionSyntax invocation
            && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "CreateAuthorizeUrl" } method
            && method.Parameters.Any(p => p.Name == "codeChallenge")
            && method.Parameters.Any(p => p.Name == "codeChallengeMethod")
            && !invocation.ArgumentList.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText is "codeChallenge" or "codeChallengeMethod")
            && invocation.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax } statement)
        {
            return new FixPlan(invocation, statement, null);
        }

        if (node is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation)
        {
            foreach (var name in VerifierNames)
            {
                var symbol = model.LookupSymbols(creation.SpanStart, name: name).FirstOrDefault();
                var type = symbol switch
                {
                    ILocalSymbol local => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (type?.SpecialType == SpecialType.System_String)
                {
                    return new FixPlan(initializer, null, name);
                }
            }
        }

        return null;
    }

    private static async Task<Solution> FixDocumentsAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var helperNamespaces = new Dictionary<ProjectId, string>();
        foreach (var (documentId, diagnostics) in work.OrderBy(w => solution.GetDocument(w.Id)?.FilePath ?? string.Empty, StringComparer.Ordinal))
        {
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var plans = diagnostics
                .Select(d => Plan(model, root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true), cancellationToken))
                .OfType<FixPlan>()
                .OrderByDescending(p => p.Node.SpanStart)
                .ToList();
            if (plans.Count == 0)
            {
                continue;
            }

            var needsHelper = plans.Any(p => p.VerifierName is null);
            var addHelper = false;
            var projectId = documentId.ProjectId;
            if (needsHelper && !helperNamespaces.TryGetValue(projectId, out _))
            {
                var existing = PkceCodesHelper.Helper.FindExisting(model.Compilation);
                addHelper = existing is null;
                helperNamespaces[projectId] = existing ?? ProjectHelperClass.NamespaceFor(root);
            }

            var editor = new SyntaxEditor(root, solution.Workspace.Services);
            // Names this pass already declared, per member body (the model does not see them yet).
            var usedNames = new Dictionary<SyntaxNode, HashSet<string>>();
            foreach (var plan in plans)
            {
                if (plan.VerifierName is { } verifier)
                {
                    var initializer = (InitializerExpressionSyntax)plan.Node;
                    var last = initializer.Expressions.Last();
                    var assignment = SyntaxFactory.ParseExpression("CodeVerifier = " + verifier).WithTrailingTrivia(last.GetTrailingTrivia());
                    var expressions = initializer.Expressions.Replace(last, last.WithoutTrailingTrivia()).Add(assignment);
                    editor.ReplaceNode(initializer, initializer.WithExpressions(expressions));
                    continue;
                }

                var helper = PkceCodesHelper.Helper.NameAt(model, plan.Node.SpanStart, helperNamespaces[projectId]);
                var body = plan.Statement!.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)plan.Statement.Parent!;
                if (!usedNames.TryGetValue(body, out var used))
                {
                    usedNames[body] = used = new HashSet<string>(StringComparer.Ordinal);
                }

                var name = StatementInsertion.UniqueName(model, plan.Statement.SpanStart, "codeVerifier", used);
                var statement = plan.Statement!;
                var declaration = SyntaxFactory.ParseStatement("var " + name + " = " + helper + ".CreateVerifier();");
                var invocation = (InvocationExpressionSyntax)plan.Node;
                var arguments = invocation.ArgumentList.AddArguments(
                    SyntaxFactory.Argument(SyntaxFactory.NameColon("codeChallenge"), default, SyntaxFactory.ParseExpression(helper + ".CreateChallenge(" + name + ")")),
                    SyntaxFactory.Argument(SyntaxFactory.NameColon("codeChallengeMethod"), default, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("S256"))));

                var (inserted, newStatement) = StatementInsertion.Place(declaration, statement.ReplaceNode(invocation, invocation.WithArgumentList(arguments)));
                editor.InsertBefore(statement, inserted);
                editor.ReplaceNode(statement, newStatement);
            }

            var newRoot = (CompilationUnitSyntax)editor.GetChangedRoot();
            if (addHelper)
            {
                newRoot = PkceCodesHelper.Helper.AddTo(newRoot);
            }

            solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
        }

        return solution;
    }

    private sealed record FixPlan(SyntaxNode Node, StatementSyntax? Statement, string? VerifierName);
}
