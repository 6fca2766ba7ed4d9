using System;
using System.Collections.Concurrent;
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
/// Only the lifetimes a control limits are checked: a limit comes from a parameter, from the requirement text, or
/// (for an explicit <c>check: oauth-pkce</c>) from the documented default; a control whose check is inferred and whose
/// text names no lifetime registers nothing here.
/// Reported for constant lifetimes over the control's limits:
/// IdentityServer <c>Client.AccessTokenLifetime</c>, <c>IdentityTokenLifetime</c>, <c>AuthorizationCodeLifetime</c>,
/// <c>AbsoluteRefreshTokenLifetime</c> and <c>SlidingRefreshTokenLifetime</c> (seconds; an absolute refresh lifetime of
/// 0 means no absolute expiry) and a client initialiser that leaves a default over a limit;
/// <c>SecurityTokenDescriptor.Expires</c> and the <c>expires</c> argument of <c>JwtSecurityToken</c> and
/// <c>JwtSecurityTokenHandler</c> when computed as a constant offset from a point in time, and a descriptor without
/// <c>Expires</c> when the handlers' 60-minute default exceeds the access limit; OpenIddict's
/// <c>SetAccessTokenLifetime</c>, <c>SetIdentityTokenLifetime</c>, <c>SetRefreshTokenLifetime</c> and
/// <c>SetAuthorizationCodeLifetime</c> with a constant <c>TimeSpan.FromX(n)</c> or <c>null</c> (never expires), and
/// <c>AllowRefreshTokenFlow()</c> without <c>DisableSlidingRefreshTokenExpiration()</c> (sliding refresh tokens have no
/// absolute limit). Values are followed through locals, readonly fields and get-only properties to the constant they
/// hold (reported where the constant is written), and through parameters to every call in the compilation that passes
/// a constant (reported at the argument). Lifetimes computed at run time are not reported.
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

    private const string SetItInstead = "set it to {0} or less";

    /// <summary>JwtSecurityTokenHandler and JsonWebTokenHandler give a token without Expires this lifetime.</summary>
    private static readonly TimeSpan HandlerDefaultLifetime = TimeSpan.FromMinutes(60);

    /// <summary>IdentityServer's Client defaults (Duende and IdentityServer4 alike), in seconds.</summary>
    private static readonly (string Property, TokenKind Kind, int Seconds)[] ClientDefaults =
    {
        ("AccessTokenLifetime", TokenKind.Access, 3600),
        ("IdentityTokenLifetime", TokenKind.Identity, 300),
        ("AuthorizationCodeLifetime", TokenKind.AuthorizationCode, 300),
    };

    private enum TokenKind
    {
        Access,
        Identity,
        Refresh,
        AuthorizationCode,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TokenLifetimeTooLong);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var builder = ImmutableArray.CreateBuilder<ControlModel>();
        foreach (var control in requirements.ControlsFor(CheckKind.OAuthPkce))
        {
            if (control.Pkce.LimitsLifetimes)
            {
                builder.Add(control);
            }
        }

        if (builder.Count == 0)
        {
            return;
        }

        var compilation = context.Compilation;
        var clients = OAuthSymbols.Resolve(compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        var descriptors = OAuthSymbols.Resolve(compilation, "Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor");
        var jwtTypes = OAuthSymbols.Resolve(compilation, "System.IdentityModel.Tokens.Jwt.JwtSecurityToken", "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler");
        var openIddict = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder");
        if (clients.IsEmpty && descriptors.IsEmpty && jwtTypes.IsEmpty && openIddict.IsEmpty)
        {
            return;
        }

        new Analysis(requirements, builder.ToImmutable(), clients, descriptors, jwtTypes, openIddict).Register(context);
    }

    private static TimeSpan? Limit(PkceParameters parameters, TokenKind kind) => kind switch
    {
        TokenKind.Identity => parameters.IdentityTokenLifetime,
        TokenKind.Refresh => parameters.RefreshTokenLifetime,
        TokenKind.AuthorizationCode => parameters.AuthorizationCodeLifetime,
        _ => parameters.AccessTokenLifetime,
    };

    private static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Identity => "identity tokens",
        TokenKind.Refresh => "refresh tokens",
        TokenKind.AuthorizationCode => "authorization codes",
        _ => "access tokens",
    };

    /// <summary>Whole seconds in the YAML form; a fractional offset (AddHours(1.5)) is shown to the second.</summary>
    private static string FormatLifetime(TimeSpan lifetime) => DurationParser.Format(TimeSpan.FromSeconds(Math.Round(lifetime.TotalSeconds)));

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

    /// <summary>
    /// True when the descriptor's initialiser sets Expires, or the enclosing lambda or method body assigns Expires on
    /// any descriptor (the variable is not tracked, so a later <c>descriptor.Expires = ...</c> always counts).
    /// </summary>
    private static bool SetsExpires(IObjectCreationOperation creation, ImmutableArray<INamedTypeSymbol> descriptors)
    {
        foreach (var descendant in OAuthSymbols.ConfigurationScope(creation).Descendants())
        {
            if (descendant is ISimpleAssignmentOperation assignment && OAuthSymbols.AssignedProperty(assignment, descriptors) is { Name: "Expires" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parameter whose argument becomes a lifetime: seconds per unit of the argument (0: a TimeSpan argument).</summary>
    private readonly record struct Sink(TokenKind Kind, double UnitSeconds, string ParameterName);

    /// <summary>A constant argument passed to a parameter of a method in the compilation.</summary>
    private readonly record struct Source(SyntaxNode Syntax, ISymbol? ContainingSymbol, double? Number, LifetimeExpression? Span);

    /// <summary>What one compilation's actions share: the controls, the parameter join and the reports already made for followed values.</summary>
    private sealed class Analysis
    {
        private readonly RequirementsContext _requirements;
        private readonly ImmutableArray<ControlModel> _controls;
        private readonly ImmutableArray<INamedTypeSymbol> _clients;
        private readonly ImmutableArray<INamedTypeSymbol> _descriptors;
        private readonly ImmutableArray<INamedTypeSymbol> _jwtTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _openIddict;
        private readonly LifetimeParameterJoin<Sink, Source> _join = new();

        /// <summary>A followed constant (a field used by several tokens, an argument reaching several sinks) is reported once per place, kind and control.</summary>
        private readonly ConcurrentDictionary<(SyntaxTree, TextSpan, TokenKind, string), byte> _reported = new();
        private readonly Action<Sink, Source, Action<Diagnostic>> _onPair;

        public Analysis(
            RequirementsContext requirements,
            ImmutableArray<ControlModel> controls,
            ImmutableArray<INamedTypeSymbol> clients,
            ImmutableArray<INamedTypeSymbol> descriptors,
            ImmutableArray<INamedTypeSymbol> jwtTypes,
            ImmutableArray<INamedTypeSymbol> openIddict)
        {
            _requirements = requirements;
            _controls = controls;
            _clients = clients;
            _descriptors = descriptors;
            _jwtTypes = jwtTypes;
            _openIddict = openIddict;
            _onPair = ReportPair;
        }

        public void Register(CompilationStartAnalysisContext context)
        {
            if (!_clients.IsEmpty || !_descriptors.IsEmpty)
            {
                context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
                context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
            }

            context.RegisterOperationAction(AnalyzeArgument, OperationKind.Argument);
            if (!_openIddict.IsEmpty)
            {
                context.RegisterOperationAction(AnalyzeOpenIddict, OperationKind.Invocation);
            }
        }

        private void AnalyzeAssignment(OperationAnalysisContext c)
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (OAuthSymbols.AssignedProperty(assignment, _clients) is { } clientProperty)
            {
                AnalyzeClientLifetime(c, assignment, clientProperty);
            }
            else if (OAuthSymbols.AssignedProperty(assignment, _descriptors) is { Name: "Expires" }
                && LifetimeExpression.FromPointInTime(assignment.Value) is { } expiry)
            {
                Check(c, assignment.Value.Syntax, "SecurityTokenDescriptor.Expires", TokenKind.Access, expiry);
            }
        }

        private void AnalyzeCreation(OperationAnalysisContext c)
        {
            var creation = (IObjectCreationOperation)c.Operation;
            if (OAuthSymbols.Contains(_clients, creation.Type))
            {
                AnalyzeClientDefaults(c, creation);
            }
            else if (OAuthSymbols.Contains(_descriptors, creation.Type) && !SetsExpires(creation, _descriptors))
            {
                Report(c.ReportDiagnostic, c.ContainingSymbol, CreationHead(creation.Syntax), "SecurityTokenDescriptor without Expires", TokenKind.Access,
                    HandlerDefaultLifetime, "the token handlers' default lifetime of " + DurationParser.Format(HandlerDefaultLifetime), AddExpiresFix, null, SetItInstead, dedupe: false);
            }
        }

        private void AnalyzeArgument(OperationAnalysisContext c)
        {
            var argument = (IArgumentOperation)c.Operation;
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter)
            {
                return;
            }

            if (parameter.Name == "expires"
                && parameter.ContainingSymbol is IMethodSymbol method
                && OAuthSymbols.Contains(_jwtTypes, method.ContainingType))
            {
                if (LifetimeExpression.FromPointInTime(argument.Value) is { } expiry)
                {
                    var name = method.MethodKind == MethodKind.Constructor ? "new JwtSecurityToken(expires: ...)" : method.ContainingType.Name + "." + method.Name + "(expires: ...)";
                    Check(c, argument.Value.Syntax, name, TokenKind.Access, expiry);
                }

                return;
            }

            // A constant passed to a parameter of a method in this compilation, in case that parameter becomes a lifetime.
            var value = OAuthSymbols.WithoutConversions(argument.Value);
            var number = LifetimeExpression.Constant(value);
            LifetimeExpression? span = null;
            if (number is null)
            {
                if (value.Type is not { Name: "TimeSpan" } || LifetimeExpression.FromTimeSpan(value) is not { Parameter: null } constant)
                {
                    return;
                }

                span = constant;
            }

            if (parameter.ContainingSymbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false })
            {
                _join.AddSource(parameter.OriginalDefinition, new Source(argument.Value.Syntax, c.ContainingSymbol, number, span), c.ReportDiagnostic, _onPair);
            }
        }

        private void AnalyzeOpenIddict(OperationAnalysisContext c)
        {
            var invocation = (IInvocationOperation)c.Operation;
            var name = invocation.TargetMethod.Name;
            TokenKind? kind = name switch
            {
                "SetAccessTokenLifetime" => TokenKind.Access,
                "SetIdentityTokenLifetime" => TokenKind.Identity,
                "SetRefreshTokenLifetime" => TokenKind.Refresh,
                "SetAuthorizationCodeLifetime" => TokenKind.AuthorizationCode,
                "AllowRefreshTokenFlow" => TokenKind.Refresh,
                _ => null,
            };
            if (kind is not { } tokenKind || !OAuthSymbols.Contains(_openIddict, invocation.TargetMethod.ContainingType))
            {
                return;
            }

            if (name == "AllowRefreshTokenFlow")
            {
                // OpenIddict slides refresh tokens by default: each refresh issues a new token with a full lifetime, so a
                // session that keeps refreshing never ends.
                if (!OAuthSymbols.CallsInScope(OAuthSymbols.ConfigurationScope(invocation), "DisableSlidingRefreshTokenExpiration", _openIddict))
                {
                    Report(c.ReportDiagnostic, c.ContainingSymbol, OAuthSymbols.NameToEnd(invocation), "AllowRefreshTokenFlow() without DisableSlidingRefreshTokenExpiration()", TokenKind.Refresh,
                        null, "sliding expiration with no absolute limit", null, null,
                        "call DisableSlidingRefreshTokenExpiration() so refresh tokens expire at a fixed time, and SetRefreshTokenLifetime to {0} or less", dedupe: false);
                }

                return;
            }

            if (invocation.Arguments.Length != 1)
            {
                return;
            }

            var argument = invocation.Arguments[0].Value;
            if (OAuthSymbols.WithoutConversions(argument).ConstantValue is { HasValue: true, Value: null })
            {
                Report(c.ReportDiagnostic, c.ContainingSymbol, argument.Syntax.GetLocation(), name + "(null)", tokenKind, null, "no expiry", null, null,
                    "pass TimeSpan.FromX(...) of {0} or less instead of null", dedupe: false);
            }
            else if (LifetimeExpression.FromTimeSpan(argument) is { } lifetime)
            {
                Check(c, argument.Syntax, name, tokenKind, lifetime);
            }
        }

        private void AnalyzeClientDefaults(OperationAnalysisContext c, IObjectCreationOperation creation)
        {
            if (creation.Initializer is not { } initializer)
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

            foreach (var (property, kind, seconds) in ClientDefaults)
            {
                if (!set.Contains(property))
                {
                    ReportClientDefault(c, creation, property, kind, seconds);
                }
            }

            // With AllowOfflineAccess: absolute refresh 30 days and, when expiration is sliding, sliding refresh 15 days.
            if (offline && !set.Contains("AbsoluteRefreshTokenLifetime"))
            {
                ReportClientDefault(c, creation, "AbsoluteRefreshTokenLifetime", TokenKind.Refresh, 30 * 86400);
            }

            if (offline && sliding && !set.Contains("SlidingRefreshTokenLifetime"))
            {
                ReportClientDefault(c, creation, "SlidingRefreshTokenLifetime", TokenKind.Refresh, 15 * 86400);
            }
        }

        private void ReportClientDefault(OperationAnalysisContext c, IObjectCreationOperation creation, string property, TokenKind kind, int defaultSeconds)
        {
            var lifetime = TimeSpan.FromSeconds(defaultSeconds);
            Report(c.ReportDiagnostic, c.ContainingSymbol, CreationHead(creation.Syntax), "Client without " + property, kind, lifetime,
                "IdentityServer's default of " + DurationParser.Format(lifetime), AddClientPropertyFix, property, "set " + property + " to {0} or less", dedupe: false);
        }

        private void AnalyzeClientLifetime(OperationAnalysisContext c, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            TokenKind? kind = property.Name switch
            {
                "AccessTokenLifetime" => TokenKind.Access,
                "IdentityTokenLifetime" => TokenKind.Identity,
                "AuthorizationCodeLifetime" => TokenKind.AuthorizationCode,
                "AbsoluteRefreshTokenLifetime" or "SlidingRefreshTokenLifetime" => TokenKind.Refresh,
                _ => null,
            };
            if (kind is not { } tokenKind)
            {
                return;
            }

            var followed = LifetimeFlow.Follow(assignment.Value, out var via);
            if (followed is IParameterReferenceOperation { Parameter: { } parameter })
            {
                _join.AddSink(parameter.OriginalDefinition, new Sink(tokenKind, 1, parameter.Name), c.ReportDiagnostic, _onPair);
                return;
            }

            if (followed.ConstantValue is not { HasValue: true, Value: int seconds })
            {
                return;
            }

            // Duende and IdentityServer4 treat an absolute refresh lifetime of 0 as "no absolute expiry" (with sliding expiration).
            var unbounded = seconds == 0 && property.Name == "AbsoluteRefreshTokenLifetime";
            if (seconds < 0 || (seconds == 0 && !unbounded))
            {
                return;
            }

            var lifetime = unbounded ? (TimeSpan?)null : TimeSpan.FromSeconds(seconds);
            var found = unbounded ? "no absolute expiry" : "a lifetime of " + DurationParser.Format(TimeSpan.FromSeconds(seconds));
            if (via is null)
            {
                Report(c.ReportDiagnostic, c.ContainingSymbol, assignment.Syntax.GetLocation(), "Client." + property.Name + " = " + seconds.ToString(CultureInfo.InvariantCulture),
                    tokenKind, lifetime, found, SecondsFix, null, SetItInstead, dedupe: false);
            }
            else
            {
                Report(c.ReportDiagnostic, c.ContainingSymbol, followed.Syntax.GetLocation(), "'" + via + "'", tokenKind, lifetime, found, null, null, SetItInstead, dedupe: true);
            }
        }

        /// <summary>A lifetime read from code: reported where its constant is written, or joined with the calls when it is a parameter.</summary>
        private void Check(OperationAnalysisContext c, SyntaxNode sink, string what, TokenKind kind, LifetimeExpression lifetime)
        {
            if (lifetime.Parameter is { } parameter)
            {
                _join.AddSink(parameter.OriginalDefinition, new Sink(kind, lifetime.UnitSeconds, parameter.Name), c.ReportDiagnostic, _onPair);
                return;
            }

            var location = (lifetime.Definition ?? sink).GetLocation();
            Report(c.ReportDiagnostic, c.ContainingSymbol, location, lifetime.Via is null ? what : "'" + lifetime.Via + "'", kind, lifetime.Lifetime,
                "a lifetime of " + FormatLifetime(lifetime.Lifetime), lifetime.Method is null ? null : OffsetFix, lifetime.Method, SetItInstead, dedupe: lifetime.Via is not null);
        }

        private void ReportPair(Sink sink, Source source, Action<Diagnostic> report)
        {
            TimeSpan lifetime;
            if (sink.UnitSeconds == 0)
            {
                if (source.Span is not { } span)
                {
                    return;
                }

                lifetime = span.Lifetime;
            }
            else
            {
                var seconds = source.Number * sink.UnitSeconds;
                if (seconds is not > 0)
                {
                    return;
                }

                lifetime = TimeSpan.FromSeconds(Math.Min(seconds.Value, 9e11));
            }

            var method = sink.UnitSeconds == 0 ? source.Span!.Value.Method : null;
            var location = (source.Span?.Definition ?? source.Syntax).GetLocation();
            Report(report, source.ContainingSymbol, location, "the argument for '" + sink.ParameterName + "'", sink.Kind, lifetime,
                "a lifetime of " + FormatLifetime(lifetime), method is null ? null : OffsetFix, method, "pass {0} or less", dedupe: true);
        }

        /// <summary>
        /// Reports <paramref name="lifetime"/> (null: it never ends, which is over every limit) for every control whose
        /// limit for <paramref name="kind"/> it exceeds. <paramref name="detail"/> is the AddX/FromX method of
        /// <see cref="OffsetFix"/> or the client property of <see cref="AddClientPropertyFix"/>; <paramref name="instead"/>
        /// holds {0} for the limit; <paramref name="dedupe"/> reports a followed constant once per place, kind and control.
        /// </summary>
        private void Report(Action<Diagnostic> report, ISymbol? containingSymbol, Location location, string what, TokenKind kind, TimeSpan? lifetime, string found,
            string? fix, string? detail, string instead, bool dedupe)
        {
            foreach (var control in _controls)
            {
                if (Limit(control.Pkce, kind) is not { } limit || (lifetime is { } value && value <= limit))
                {
                    continue;
                }

                if (dedupe && location.SourceTree is { } tree && !_reported.TryAdd((tree, location.SourceSpan, kind, control.Id), 0))
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(LimitSecondsProperty, ((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                if (fix is not null)
                {
                    properties = properties.Add(FixProperty, fix);
                    if (detail is not null)
                    {
                        properties = properties.Add(fix == AddClientPropertyFix ? PropertyNameProperty : MethodProperty, detail);
                    }
                }

                var limitText = DurationParser.Format(limit);
                _requirements.Report(report, DiagnosticDescriptors.TokenLifetimeTooLong, control, location, containingSymbol, properties,
                    control.Id, control.Requirement, what, KindName(kind), found, limitText, string.Format(CultureInfo.InvariantCulture, instead, limitText));
            }
        }
    }
}
