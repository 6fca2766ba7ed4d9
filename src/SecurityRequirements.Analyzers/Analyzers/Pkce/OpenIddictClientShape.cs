using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// What an <c>OpenIddictApplicationDescriptor</c> says about PKCE, read from syntax so that the same reading serves one
/// descriptor and the survey of every descriptor in the compilation: its initialiser (<c>ClientType</c>,
/// <c>ClientSecret</c>, <c>Permissions</c>, <c>Requirements</c>) and, when it is stored in a local, the
/// <c>local.Permissions.Add(...)</c> / <c>local.Requirements.Add(...)</c> / <c>local.ClientType = ...</c> statements of
/// the same body. Grants and features are recognised as OpenIddict writes them: <c>Permissions.GrantTypes.AuthorizationCode</c>
/// or <c>"gt:authorization_code"</c>, <c>Requirements.Features.ProofKeyForCodeExchange</c> or <c>"ft:pkce"</c>. Without a
/// <c>ClientType</c>, OpenIddict makes a client with a secret confidential and one without public.
/// </summary>
internal readonly struct OpenIddictClientShape
{
    private const string DescriptorName = "OpenIddictApplicationDescriptor";

    private OpenIddictClientShape(bool allowsCode, bool requiresPkce, bool confidential)
    {
        AllowsCode = allowsCode;
        RequiresPkce = requiresPkce;
        Confidential = confidential;
    }

    public bool AllowsCode { get; }

    public bool RequiresPkce { get; }

    public bool Confidential { get; }

    public static OpenIddictClientShape Read(BaseObjectCreationExpressionSyntax creation)
    {
        var allowsCode = false;
        var requiresPkce = false;
        string? clientType = null;
        var hasSecret = false;
        void Apply(string member, ExpressionSyntax value)
        {
            switch (member)
            {
                case "ClientType":
                    clientType = ClientTypeOf(value) ?? clientType;
                    break;
                case "ClientSecret":
                    hasSecret |= !value.IsKind(SyntaxKind.NullLiteralExpression);
                    break;
                case "Permissions":
                    allowsCode |= Names(value, "gt:authorization_code", "GrantTypes", "AuthorizationCode");
                    break;
                case "Requirements":
                    requiresPkce |= Names(value, "ft:pkce", "Features", "ProofKeyForCodeExchange");
                    break;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment)
                {
                    Apply(name.Identifier.ValueText, assignment.Right);
                }
            }
        }

        if (StoredIn(creation) is { } local && Body(creation) is { } body)
        {
            foreach (var node in body.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } collection },
                        ArgumentList.Arguments: { Count: 1 } arguments,
                    }
                    && target.Identifier.ValueText == local)
                {
                    Apply(collection.Name.Identifier.ValueText, arguments[0].Expression);
                }
                else if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } member } set
                    && owner.Identifier.ValueText == local)
                {
                    Apply(member.Name.Identifier.ValueText, set.Right);
                }
            }
        }

        var confidential = clientType is not null ? clientType == "confidential" : hasSecret;
        return new OpenIddictClientShape(allowsCode, requiresPkce, confidential);
    }

    /// <summary>Every descriptor written as <c>new OpenIddictApplicationDescriptor { ... }</c> in the compilation (one pass over its trees).</summary>
    public static ImmutableArray<OpenIddictClientShape> Survey(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<OpenIddictClientShape>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is ObjectCreationExpressionSyntax { Type: var type } creation && TypeName(type) == DescriptorName)
                {
                    builder.Add(Read(creation));
                }
            }
        }

        return builder.ToImmutable();
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>True when <paramref name="value"/> holds the literal, or a member access <c>...Group.Name</c>.</summary>
    private static bool Names(ExpressionSyntax value, string literal, string group, string name)
    {
        foreach (var node in value.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case LiteralExpressionSyntax text when text.IsKind(SyntaxKind.StringLiteralExpression) && string.Equals(text.Token.ValueText, literal, StringComparison.Ordinal):
                    return true;
                case MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == name && LastName(access.Expression) == group:
                    return true;
            }
        }

        return false;
    }

    private static string? ClientTypeOf(ExpressionSyntax value)
    {
        var text = value switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            MemberAccessExpressionSyntax access when LastName(access.Expression) == "ClientTypes" => access.Name.Identifier.ValueText,
            _ => null,
        };
        return text?.ToLowerInvariant() switch
        {
            "public" => "public",
            "confidential" => "confidential",
            _ => null,
        };
    }

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The local a creation is stored in: <c>var d = new ...</c> or <c>d = new ...</c>.</summary>
    private static string? StoredIn(SyntaxNode creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment when assignment.Right == creation => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The innermost lambda, local function or member body around <paramref name="node"/>.</summary>
    private static SyntaxNode? Body(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                return current;
            }
        }

        return null;
    }
}
