using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
/// SRA2005 for the IdentityModel helpers: <c>CreateAuthorizeUrl(...)</c> gets
/// <c>codeChallenge: PkceCodes.CreateChallenge(codeVerifier), codeChallengeMethod: "S256"</c> (the PkceCodes helper is
/// added once per project), and an <c>AuthorizationCodeTokenRequest</c> initializer gets <c>CodeVerifier = codeVerifier</c>.
/// </summary>
/// <remarks>
/// Both need a verifier the code already keeps: a string named codeVerifier, verifier, pkceVerifier or code_verifier in
/// scope. A challenge from a verifier made on the spot and then dropped would make the identity provider bind the code
/// to a verifier the token request can never send, so sign-in would fail at the token endpoint; with no verifier in
/// scope no fix is offered, and the brief says to create one with PkceCodes.CreateVerifier() and keep it with the
/// sign-in state. Hand-built URL and form strings get no fix either.
/// </remarks>
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
            && VerifierInScope(model, invocation.SpanStart) is { } verifier)
        {
            return new FixPlan(invocation, verifier, IsAuthorize: true);
        }

        if (node is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation && VerifierInScope(model, creation.SpanStart) is { } kept)
        {
            return new FixPlan(initializer, kept, IsAuthorize: false);
        }

        return null;
    }

    /// <summary>
    /// The name of a string verifier usable at <paramref name="position"/>, the one the sign-in keeps: the method's own
    /// locals and parameters first, then fields, properties and primary-constructor parameters (not from a static method).
    /// </summary>
    private static string? VerifierInScope(SemanticModel model, int position)
    {
        var enclosing = model.GetEnclosingSymbol(position);
        var method = enclosing;
        while (method is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            method = method.ContainingSymbol;
        }

        var isStatic = method?.IsStatic ?? false;
        string? member = null;
        foreach (var name in VerifierNames)
        {
            foreach (var symbol in model.LookupSymbols(position, name: name))
            {
                var (type, own) = symbol switch
                {
                    ILocalSymbol local => (local.Type, true),
                    IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter
                        when !SymbolEqualityComparer.Default.Equals(constructor, method) => (isStatic ? null : parameter.Type, false),
                    IParameterSymbol parameter => (parameter.Type, true),
                    IFieldSymbol field when !isStatic || field.IsStatic => (field.Type, false),
                    IPropertySymbol property when !isStatic || property.IsStatic => (property.Type, false),
                    _ => (null, false),
                };
                if (type?.SpecialType != SpecialType.System_String)
                {
                    continue;
                }

                if (own)
                {
                    return name;
                }

                member ??= name;
            }
        }

        return member;
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

            var needsHelper = plans.Any(p => p.IsAuthorize);
            var addHelper = false;
            var projectId = documentId.ProjectId;
            if (needsHelper && !helperNamespaces.TryGetValue(projectId, out _))
            {
                var existing = PkceCodesHelper.Helper.FindExisting(model.Compilation);
                addHelper = existing is null;
                helperNamespaces[projectId] = existing ?? ProjectHelperClass.NamespaceFor(root);
            }

            var editor = new SyntaxEditor(root, solution.Workspace.Services);
            foreach (var plan in plans)
            {
                if (!plan.IsAuthorize)
                {
                    var initializer = (InitializerExpressionSyntax)plan.Node;
                    var last = initializer.Expressions.Last();
                    var assignment = SyntaxFactory.ParseExpression("CodeVerifier = " + plan.VerifierName).WithTrailingTrivia(last.GetTrailingTrivia());
                    var expressions = initializer.Expressions.Replace(last, last.WithoutTrailingTrivia()).Add(assignment);
                    editor.ReplaceNode(initializer, initializer.WithExpressions(expressions));
                    continue;
                }

                var helper = PkceCodesHelper.Helper.NameAt(model, plan.Node.SpanStart, helperNamespaces[projectId]);
                var invocation = (InvocationExpressionSyntax)plan.Node;
                var arguments = invocation.ArgumentList.AddArguments(
                    SyntaxFactory.Argument(SyntaxFactory.NameColon("codeChallenge"), default, SyntaxFactory.ParseExpression(helper + ".CreateChallenge(" + plan.VerifierName + ")")),
                    SyntaxFactory.Argument(SyntaxFactory.NameColon("codeChallengeMethod"), default, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("S256"))));
                editor.ReplaceNode(invocation, invocation.WithArgumentList(arguments));
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

    private sealed record FixPlan(SyntaxNode Node, string VerifierName, bool IsAuthorize);
}
