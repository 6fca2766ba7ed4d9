using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Prescriptions;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>
/// Works out, for one SRA3001 diagnostic, where the audit call goes (before the statement that reads, or into a
/// new block body of an expression-bodied method) and its arguments from what is in scope. Returns null, and so
/// no fix is offered, when the helper would not satisfy the control, no ILogger is in scope, there is no statement to
/// precede, or some audit field has no source in scope: the fix never passes null or a made-up value for who read
/// the data or from where, which would silence the diagnostic without meeting the requirement.
/// </summary>
internal static class AuditCallPlanner
{
    public static async Task<AuditCallPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UnauditedPiiReadAnalyzer.AcceptsLoggerProperty, out var accepts) || accepts != "true"
            || !diagnostic.Properties.TryGetValue(UnauditedPiiReadAnalyzer.MemberProperty, out var member) || member is null
            || !diagnostic.Properties.TryGetValue(UnauditedPiiReadAnalyzer.FieldsProperty, out var fieldList) || string.IsNullOrEmpty(fieldList)
            || !diagnostic.Properties.TryGetValue(RequirementsContext.ControlIdProperty, out var controlId) || controlId is null)
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var read = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var (anchor, convertsBody) = FindAnchor(read);
        if (anchor is null)
        {
            return null;
        }

        var logging = new LoggingSymbols(model.Compilation);
        if (logging.ILogger is null || logging.LoggerMessageAttribute is null)
        {
            return null;
        }

        // A field with no letter or digit can be carried by no parameter or placeholder: no call could meet the control.
        var configured = fieldList!.Split(',');
        if (configured.Any(f => AuditFieldMatcher.Normalize(f).Length == 0))
        {
            return null;
        }

        var fields = PiiAuditPrescription.HelperFields(configured);
        var helper = AuditHelperSource.Helper(controlId!, fields);
        var existing = helper.FindExistingType(model.Compilation);
        if (existing is not null && !HelperMatches(existing, fields.Count))
        {
            return null;
        }

        var position = convertsBody ? ExpressionBody(anchor)!.Expression.SpanStart : anchor.SpanStart;
        var scope = new ScopeReader(model, position, logging.ILogger, cancellationToken);
        if (scope.Logger is null)
        {
            return null;
        }

        // Every field gets a real value from the scope; one with no source gets no invented value, and the read no fix.
        var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(SyntaxFactory.IdentifierName(scope.Logger)) };
        foreach (var field in fields)
        {
            var value = AuditFieldMatcher.Matches(field, "Action")
                ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Action(model, position, member!, cancellationToken)))
                : scope.ValueFor(field);
            if (value is null)
            {
                return null;
            }

            arguments.Add(SyntaxFactory.Argument(value));
        }

        // A new helper lands in this file (see ProjectHelperClass), so its namespace is this file's.
        var helperNamespace = existing is null ? ProjectHelperClass.NamespaceFor((CompilationUnitSyntax)root) : ProjectHelperClass.NamespaceOf(existing);
        var call = SyntaxFactory.ExpressionStatement(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression(helper.NameAt(model, position, helperNamespace)),
                    SyntaxFactory.IdentifierName(AuditHelperSource.MethodName)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments))));
        return new AuditCallPlan(anchor, convertsBody, call, existing is null ? helper : null);
    }

    /// <summary>The action: what is read, and where ("read Patient.Email in PatientRecords.Contact").</summary>
    private static string Action(SemanticModel model, int position, string member, CancellationToken cancellationToken)
    {
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            enclosing = enclosing.ContainingSymbol;
        }

        var where = enclosing switch
        {
            IMethodSymbol { AssociatedSymbol: { } property } => property.ContainingType.Name + "." + property.Name,
            IMethodSymbol { MethodKind: MethodKind.Constructor } method => method.ContainingType.Name + " constructor",
            { ContainingType: { } type } symbol => type.Name + "." + symbol.Name,
            _ => null,
        };
        return where is null ? "read " + member : "read " + member + " in " + where;
    }

    /// <summary>The function-like node whose body the audit call lands in; a call there covers every read nested in it.</summary>
    public static SyntaxNode? Owner(AuditCallPlan plan) =>
        plan.ConvertsBody
            ? plan.Anchor
            : plan.Anchor.Parent?.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);

    public static ArrowExpressionClauseSyntax? ExpressionBody(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.ExpressionBody,
        LocalFunctionStatementSyntax local => local.ExpressionBody,
        _ => null,
    };

    /// <summary>The statement the call goes before (one directly in a block or switch section), or an expression-bodied method to convert.</summary>
    private static (SyntaxNode? Anchor, bool ConvertsBody) FindAnchor(SyntaxNode read)
    {
        for (var node = read.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ArrowExpressionClauseSyntax arrow when arrow.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    return (arrow.Parent, true);
                case StatementSyntax statement when statement.Parent is BlockSyntax or SwitchSectionSyntax:
                    return (statement, false);
                case MemberDeclarationSyntax:
                case AccessorDeclarationSyntax:
                    return (null, false);
            }
        }

        return (null, false);
    }

    /// <summary>An existing helper is reused only when it has the shape this fix would call.</summary>
    private static bool HelperMatches(INamedTypeSymbol helper, int fieldCount) =>
        helper.GetMembers(AuditHelperSource.MethodName).OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == fieldCount + 1);

    /// <summary>The symbols in scope at the insertion point that can feed the audit call.</summary>
    private sealed class ScopeReader
    {
        private const string NameIdentifier = "System.Security.Claims.ClaimTypes.NameIdentifier";
        private readonly List<ISymbol> _values = new();
        private readonly string? _httpContext;

        public ScopeReader(SemanticModel model, int position, INamedTypeSymbol logger, CancellationToken cancellationToken)
        {
            var isStatic = model.GetEnclosingSymbol(position, cancellationToken) is { } enclosing && IsStaticContext(enclosing);
            var httpContextType = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
            var accessorType = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHttpContextAccessor");
            var claimsPrincipal = model.Compilation.GetTypeByMetadataName("System.Security.Claims.ClaimsPrincipal");
            ClaimsPrincipal = claimsPrincipal;

            // Locals and parameters first (closest), then fields and properties; by name for a deterministic choice.
            var candidates = model.LookupSymbols(position)
                .Where(s => s is ILocalSymbol or IParameterSymbol || (s is IFieldSymbol or IPropertySymbol && (!isStatic || s.IsStatic) && !s.IsImplicitlyDeclared))
                .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
                .ThenBy(s => s.Name, StringComparer.Ordinal);
            string? accessorFallback = null;
            foreach (var symbol in candidates)
            {
                var type = TypeOf(symbol);
                if (type is null)
                {
                    continue;
                }

                if (Logger is null && IsLogger(type, logger))
                {
                    Logger = symbol.Name;
                    continue;
                }

                if (_httpContext is null && httpContextType is not null && SymbolEqualityComparer.Default.Equals(type, httpContextType))
                {
                    _httpContext = symbol.Name;
                }
                else if (accessorFallback is null && accessorType is not null && SymbolEqualityComparer.Default.Equals(type, accessorType))
                {
                    accessorFallback = symbol.Name + ".HttpContext?";
                }

                _values.Add(symbol);
            }

            // A HttpContext at hand beats reaching through IHttpContextAccessor, whose context may be null.
            _httpContext ??= accessorFallback;
        }

        public string? Logger { get; }

        private INamedTypeSymbol? ClaimsPrincipal { get; }

        /// <summary>
        /// A value from the scope for <paramref name="field"/>, or null when there is none: a local, parameter, field or
        /// property named like the field (of a type that says who or where: a string, a number, a Guid, an IPAddress, a
        /// ClaimsPrincipal); for the user id any ClaimsPrincipal, then HttpContext.User; for the IP address
        /// HttpContext.Connection.RemoteIpAddress (HttpContext directly, from IHttpContextAccessor, or ControllerBase's).
        /// </summary>
        public ExpressionSyntax? ValueFor(string field)
        {
            foreach (var symbol in _values)
            {
                if (AuditFieldMatcher.Matches(field, symbol.Name) && ValueOf(symbol.Name, TypeOf(symbol)!) is { } value)
                {
                    return value;
                }
            }

            if (AuditFieldMatcher.Matches(field, "UserId"))
            {
                foreach (var symbol in _values)
                {
                    if (ClaimsPrincipal is not null && SymbolEqualityComparer.Default.Equals(TypeOf(symbol), ClaimsPrincipal))
                    {
                        return ValueOf(symbol.Name, ClaimsPrincipal);
                    }
                }

                if (_httpContext is not null)
                {
                    return SyntaxFactory.ParseExpression(_httpContext + ".User.FindFirst(" + NameIdentifier + ")?.Value");
                }
            }

            if (AuditFieldMatcher.Matches(field, "IpAddress") && _httpContext is not null)
            {
                return SyntaxFactory.ParseExpression(_httpContext + ".Connection.RemoteIpAddress?.ToString()");
            }

            return null;
        }

        private ExpressionSyntax? ValueOf(string name, ITypeSymbol type)
        {
            var identifier = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
            if (type.SpecialType == SpecialType.System_String)
            {
                return SyntaxFactory.IdentifierName(identifier);
            }

            if (ClaimsPrincipal is not null && SymbolEqualityComparer.Default.Equals(type, ClaimsPrincipal))
            {
                return SyntaxFactory.ParseExpression(identifier + ".FindFirst(" + NameIdentifier + ")?.Value");
            }

            // An entity named "user" would log its type name: only values that identify by themselves.
            var isNullable = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            var underlying = isNullable ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
            var identifies = underlying.SpecialType is >= SpecialType.System_Char and <= SpecialType.System_UInt64
                || underlying is INamedTypeSymbol { Name: "Guid" or "IPAddress", ContainingNamespace: { } ns } && ns.ToDisplayString() is "System" or "System.Net";
            if (!identifies)
            {
                return null;
            }

            return SyntaxFactory.ParseExpression(identifier + (type.IsValueType && !isNullable ? ".ToString()" : "?.ToString()"));
        }

        private static bool IsStaticContext(ISymbol symbol)
        {
            for (var current = symbol; current is not null; current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                {
                    continue;
                }

                return current.IsStatic;
            }

            return false;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        private static bool IsLogger(ITypeSymbol type, INamedTypeSymbol logger) =>
            SymbolEqualityComparer.Default.Equals(type, logger) || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, logger));
    }
}
