using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// SRA2004: Keep token lifetimes within the requirement.
/// </summary>
/// <remarks>
/// Reported for constant lifetimes over the control's limits:
/// IdentityServer <c>Client.AccessTokenLifetime</c>, <c>IdentityTokenLifetime</c>, <c>AbsoluteRefreshTokenLifetime</c> and
/// <c>SlidingRefreshTokenLifetime</c> (seconds; an absolute refresh lifetime of 0 means no absolute expiry);
/// <c>SecurityTokenDescriptor.Expires</c> and the <c>expires</c> argument of <c>JwtSecurityToken</c> and
/// <c>JwtSecurityTokenHandler</c> when computed as a constant offset from a point in time; and OpenIddict's
/// <c>SetAccessTokenLifetime</c>, <c>SetIdentityTokenLifetime</c> and <c>SetRefreshTokenLifetime</c> with a constant
/// <c>TimeSpan.FromX(n)</c>. A <c>SecurityTokenDescriptor</c> whose <c>Expires</c> is never set (in its initialiser or
/// anywhere in the same lambda or method body) is reported when the handlers' 60-minute default exceeds the access limit.
/// Lifetimes computed at run time are not reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenLifetimeAnalyzer : RequirementsAnalyzer
{
    public const string FixProperty = "LifetimeFix";
    public const string LimitSecondsProperty = "LimitSeconds";
    public const string MethodProperty = "Method";

    /// <summary>Replace the assigned number of seconds with the limit.</summary>
    public const string SecondsFix = "Seconds";

    /// <summary>Rewrite the AddX/FromX call named by <see cref="MethodProperty"/> to the limit.</summary>
    public const string OffsetFix = "Offset";

    /// <summary>Add <c>Expires = DateTime.UtcNow.AddX(limit)</c> to the descriptor's initialiser.</summary>
    public const string AddExpiresFix = "AddExpires";

    /// <summary>Add <c>PropertyName = limit-in-seconds</c> to an IdentityServer client's initialiser.</summary>
    public const string AddClientPropertyFix = "AddClientProperty";

    /// <summary>The client property the <see cref="AddClientPropertyFix"/> adds.</summary>
    public const string PropertyNameProperty = "PropertyName";

    /// <summary>JwtSecurityTokenHandler and JsonWebTokenHandler give a token without Expires this lifetime.</summary>
    private static readonly TimeSpan HandlerDefaultLifetime = TimeSpan.FromMinutes(60);

    private enum TokenKind
    {
        Access,
        Identity,
        Refresh,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TokenLifetimeTooLong);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        if (controls.IsEmpty)
        {
            return;
        }

        var compilation = context.Compilation;
        var clients = OAuthSymbols.Resolve(compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        var descriptors = OAuthSymbols.Resolve(compilation, "Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor");
        var jwtTypes = OAuthSymbols.Resolve(compilation, "System.IdentityModel.Tokens.Jwt.JwtSecurityToken", "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler");
        var openIddict = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder");

        if (!clients.IsEmpty || !descriptors.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (OAuthSymbols.AssignedProperty(assignment, clients) is { } clientProperty)
                    {
                        AnalyzeClientLifetime(c, assignment, clientProperty);
                    }
                    else if (OAuthSymbols.AssignedProperty(assignment, descriptors) is { Name: "Expires" }
                        && LifetimeExpression.FromPointInTime(assignment.Value) is { } expiry)
                    {
                        ReportOffset(c, assignment.Value.Syntax, "SecurityTokenDescriptor.Expires", TokenKind.Access, expiry);
                    }
                },
                OperationKind.SimpleAssignment);
        }

        if (!clients.IsEmpty)
        {
            context.RegisterOperationAction(c => AnalyzeClientDefaults(c, (IObjectCreationOperation)c.Operation), OperationKind.ObjectCreation);
        }

        if (!descriptors.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (!OAuthSymbols.Contains(descriptors, creation.Type) || SetsExpires(creation, descriptors))
                    {
                        return;
                    }

                    foreach (var control in controls)
                    {
                        var limit = control.Pkce.AccessTokenLifetime;
                        if (HandlerDefaultLifetime <= limit)
                        {
                            continue;
                        }

                        var properties = ImmutableDictionary<string, string?>.Empty
                            .Add(FixProperty, AddExpiresFix)
                            .Add(LimitSecondsProperty, ((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                        requirements.Report(
                            c.ReportDiagnostic,
                            DiagnosticDescriptors.TokenLifetimeTooLong,
                            control,
                            CreationHead(creation.Syntax),
                            c.ContainingSymbol,
                            properties,
                            control.Id,
                            control.Requirement,
                            "SecurityTokenDescriptor without Expires",
                            "access",
                            "the token handlers' default lifetime of " + DurationParser.Format(HandlerDefaultLifetime),
                            DurationParser.Format(limit));
                    }
                },
                OperationKind.ObjectCreation);
        }

        if (!jwtTypes.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var argument = (IArgumentOperation)c.Operation;
                    if (argument is { ArgumentKind: ArgumentKind.Explicit, Parameter: { Name: "expires", ContainingSymbol: IMethodSymbol method } }
                        && OAuthSymbols.Contains(jwtTypes, method.ContainingType)
                        && LifetimeExpression.FromPointInTime(argument.Value) is { } expiry)
                    {
                        var name = method.MethodKind == MethodKind.Constructor ? "new JwtSecurityToken(expires: ...)" : method.ContainingType.Name + "." + method.Name + "(expires: ...)";
                        ReportOffset(c, argument.Value.Syntax, name, TokenKind.Access, expiry);
                    }
                },
                OperationKind.Argument);
        }

        if (!openIddict.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    TokenKind? kind = invocation.TargetMethod.Name switch
                    {
                        "SetAccessTokenLifetime" => TokenKind.Access,
                        "SetIdentityTokenLifetime" => TokenKind.Identity,
                        "SetRefreshTokenLifetime" => TokenKind.Refresh,
                        _ => null,
                    };
                    if (kind is { } tokenKind
                        && invocation.Arguments.Length == 1
                        && OAuthSymbols.Contains(openIddict, invocation.TargetMethod.ContainingType)
                        && LifetimeExpression.FromTimeSpan(invocation.Arguments[0].Value) is { } lifetime)
                    {
                        ReportOffset(c, invocation.Arguments[0].Value.Syntax, invocation.TargetMethod.Name, tokenKind, lifetime);
                    }
                },
                OperationKind.Invocation);
        }

        // IdentityServer's Client defaults (Duende and IdentityServer4 alike): access 3600 s; with AllowOfflineAccess,
        // absolute refresh 30 days and, when expiration is sliding, sliding refresh 15 days.
        void AnalyzeClientDefaults(OperationAnalysisContext c, IObjectCreationOperation creation)
        {
            if (!OAuthSymbols.Contains(clients, creation.Type) || creation.Initializer is not { } initializer)
            {
                return;
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            var offline = false;
            var sliding = false;
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assigned)
                {
                    set.Add(target.Property.Name);
                    offline |= target.Property.Name == "AllowOfflineAccess" && assigned.Value.ConstantValue is { HasValue: true, Value: true };
                    sliding |= target.Property.Name == "RefreshTokenExpiration" && assigned.Value.ConstantValue is { HasValue: true, Value: 0 };
                }
            }

            if (!set.Contains("AccessTokenLifetime"))
            {
                ReportClientDefault(c, creation, "AccessTokenLifetime", TokenKind.Access, 3600);
            }

            if (offline && !set.Contains("AbsoluteRefreshTokenLifetime"))
            {
                ReportClientDefault(c, creation, "AbsoluteRefreshTokenLifetime", TokenKind.Refresh, 30 * 86400);
            }

            if (offline && sliding && !set.Contains("SlidingRefreshTokenLifetime"))
            {
                ReportClientDefault(c, creation, "SlidingRefreshTokenLifetime", TokenKind.Refresh, 15 * 86400);
            }
        }

        void ReportClientDefault(OperationAnalysisContext c, IObjectCreationOperation creation, string property, TokenKind kind, int defaultSeconds)
        {
            foreach (var control in controls)
            {
                var limit = Limit(control.Pkce, kind);
                if (defaultSeconds <= limit.TotalSeconds)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(FixProperty, AddClientPropertyFix)
                    .Add(PropertyNameProperty, property)
                    .Add(LimitSecondsProperty, ((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                requirements.Report(
                    c.ReportDiagnostic,
                    DiagnosticDescriptors.TokenLifetimeTooLong,
                    control,
                    CreationHead(creation.Syntax),
                    c.ContainingSymbol,
                    properties,
                    control.Id,
                    control.Requirement,
                    "Client without " + property,
                    KindName(kind),
                    "IdentityServer's default of " + DurationParser.Format(TimeSpan.FromSeconds(defaultSeconds)),
                    DurationParser.Format(limit));
            }
        }

        void AnalyzeClientLifetime(OperationAnalysisContext c, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            TokenKind? kind = property.Name switch
            {
                "AccessTokenLifetime" => TokenKind.Access,
                "IdentityTokenLifetime" => TokenKind.Identity,
                "AbsoluteRefreshTokenLifetime" or "SlidingRefreshTokenLifetime" => TokenKind.Refresh,
                _ => null,
            };
            if (kind is not { } tokenKind || assignment.Value.ConstantValue is not { HasValue: true, Value: int seconds })
            {
                return;
            }

            // Duende and IdentityServer4 treat an absolute refresh lifetime of 0 as "no absolute expiry".
            var unbounded = seconds == 0 && property.Name == "AbsoluteRefreshTokenLifetime";
            if (seconds < 0 || (seconds == 0 && !unbounded))
            {
                return;
            }

            foreach (var control in controls)
            {
                var limit = Limit(control.Pkce, tokenKind);
                if (!unbounded && seconds <= limit.TotalSeconds)
                {
                    continue;
                }

                var found = unbounded ? "no absolute expiry" : "a lifetime of " + DurationParser.Format(TimeSpan.FromSeconds(seconds));
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(FixProperty, SecondsFix)
                    .Add(LimitSecondsProperty, ((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                requirements.Report(
                    c.ReportDiagnostic,
                    DiagnosticDescriptors.TokenLifetimeTooLong,
                    control,
                    assignment.Syntax.GetLocation(),
                    c.ContainingSymbol,
                    properties,
                    control.Id,
                    control.Requirement,
                    "Client." + property.Name + " = " + seconds.ToString(CultureInfo.InvariantCulture),
                    KindName(tokenKind),
                    found,
                    DurationParser.Format(limit));
            }
        }

        void ReportOffset(OperationAnalysisContext c, SyntaxNode syntax, string what, TokenKind kind, LifetimeExpression lifetime)
        {
            foreach (var control in controls)
            {
                var limit = Limit(control.Pkce, kind);
                if (lifetime.Lifetime <= limit)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(FixProperty, OffsetFix)
                    .Add(MethodProperty, lifetime.Method)
                    .Add(LimitSecondsProperty, ((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                requirements.Report(
                    c.ReportDiagnostic,
                    DiagnosticDescriptors.TokenLifetimeTooLong,
                    control,
                    syntax.GetLocation(),
                    c.ContainingSymbol,
                    properties,
                    control.Id,
                    control.Requirement,
                    what,
                    KindName(kind),
                    "a lifetime of " + FormatLifetime(lifetime.Lifetime),
                    DurationParser.Format(limit));
            }
        }
    }

    /// <summary>
    /// True when the descriptor's initialiser sets Expires, or the enclosing lambda or method body assigns Expires on
    /// any descriptor (the variable is not tracked, so a later <c>descriptor.Expires = ...</c> always counts).
    /// </summary>
    private static bool SetsExpires(IObjectCreationOperation creation, ImmutableArray<INamedTypeSymbol> descriptors)
    {
        IOperation scope = creation;
        while (scope.Parent is { } parent && scope is not IAnonymousFunctionOperation)
        {
            scope = parent;
        }

        foreach (var descendant in scope.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation assignment && OAuthSymbols.AssignedProperty(assignment, descriptors) is { Name: "Expires" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>new SecurityTokenDescriptor()</c> without the initialiser, so a long initialiser is not underlined.</summary>
    private static Location CreationHead(SyntaxNode syntax)
    {
        if (syntax is BaseObjectCreationExpressionSyntax creation)
        {
            var end = creation.ArgumentList?.Span.End
                ?? (creation as ObjectCreationExpressionSyntax)?.Type.Span.End
                ?? creation.Span.End;
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(creation.SpanStart, end));
        }

        return syntax.GetLocation();
    }

    private static TimeSpan Limit(PkceParameters parameters, TokenKind kind) => kind switch
    {
        TokenKind.Identity => parameters.IdentityTokenLifetime,
        TokenKind.Refresh => parameters.RefreshTokenLifetime,
        _ => parameters.AccessTokenLifetime,
    };

    private static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Identity => "identity",
        TokenKind.Refresh => "refresh",
        _ => "access",
    };

    /// <summary>Whole seconds in the YAML form; a fractional offset (AddHours(1.5)) is shown to the second.</summary>
    private static string FormatLifetime(TimeSpan lifetime) => DurationParser.Format(TimeSpan.FromSeconds(Math.Round(lifetime.TotalSeconds)));
}
