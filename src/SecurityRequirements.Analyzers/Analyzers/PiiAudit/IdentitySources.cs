using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Personal data read from the signed-in user rather than from a member: a personal claim's value
/// (<c>User.FindFirst(ClaimTypes.Email)?.Value</c>, <c>FindFirstValue(JwtClaimTypes.GivenName)</c>),
/// <c>Identity.Name</c> (which the classifier handles as a member) and ASP.NET Core Identity's
/// <c>UserManager.GetEmailAsync</c>, <c>GetPhoneNumberAsync</c> and <c>GetUserNameAsync</c>. Resolved once per
/// compilation; active only when the compilation references a web or identity stack, where a signed-in user exists.
/// </summary>
internal sealed class IdentitySources
{
    /// <summary>Claim types whose value is personal data: WS-Federation URIs (ClaimTypes) and OpenID Connect names (JwtClaimTypes, OpenIddict's Claims).</summary>
    private static readonly HashSet<string> PersonalClaimTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/mobilephone",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/homephone",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/otherphone",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/dateofbirth",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/streetaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/postalcode",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/locality",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname",
        "email", "emails", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
        "phone_number", "birthdate", "address", "unique_name", "upn",
    };

    private static readonly string[] UserManagerReads = { "GetEmailAsync", "GetPhoneNumberAsync", "GetUserNameAsync" };

    private readonly INamedTypeSymbol? _claimsPrincipal;
    private readonly INamedTypeSymbol? _claimsIdentity;
    private readonly INamedTypeSymbol? _userManager;

    public IdentitySources(Compilation compilation)
    {
        _claimsPrincipal = compilation.GetTypeByMetadataName("System.Security.Claims.ClaimsPrincipal");
        _claimsIdentity = compilation.GetTypeByMetadataName("System.Security.Claims.ClaimsIdentity");
        _userManager = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.UserManager`1");
        var claim = compilation.GetTypeByMetadataName("System.Security.Claims.Claim");
        var identity = compilation.GetTypeByMetadataName("System.Security.Principal.IIdentity");
        IsActive = _claimsPrincipal is not null && ReferencesIdentityStack(compilation);
        if (IsActive)
        {
            ClaimValue = SingleProperty(claim, "Value");
            IdentityName = SingleProperty(identity, "Name");
        }
    }

    /// <summary>False in compilations without a web or identity stack (libraries, tools): no signed-in user to read.</summary>
    public bool IsActive { get; }

    /// <summary><c>Claim.Value</c>: personal data when the claim is a personal one.</summary>
    public IPropertySymbol? ClaimValue { get; }

    /// <summary><c>IIdentity.Name</c>: the signed-in user's name; implementations (ClaimsIdentity.Name) inherit it.</summary>
    public IPropertySymbol? IdentityName { get; }

    /// <summary>True when a call to a method named <paramref name="name"/> can read personal data of the signed-in user.</summary>
    public bool MayReadByName(string name) =>
        IsActive && (name == "FindFirstValue" || (_userManager is not null && Array.IndexOf(UserManagerReads, name) >= 0));

    /// <summary>"the ClaimTypes.Email claim" or "UserManager.GetEmailAsync" when the call returns the signed-in user's personal data; otherwise null.</summary>
    public string? InvocationRead(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!MayReadByName(method.Name))
        {
            return null;
        }

        if (method.Name == "FindFirstValue")
        {
            var principal = method.IsExtensionMethod || method.ReducedFrom is not null
                ? (method.ReducedFrom ?? method).Parameters[0].Type
                : method.ContainingType;
            return IsPrincipalOrIdentity(principal) && PersonalClaim(invocation.Arguments) is { } claim ? claim : null;
        }

        return method.ContainingType?.OriginalDefinition is { } type && SymbolEqualityComparer.Default.Equals(type, _userManager)
            ? "UserManager." + method.Name
            : null;
    }

    /// <summary>"the ClaimTypes.Email claim" when <paramref name="reference"/> (a Claim.Value read) reads a personal claim found with FindFirst.</summary>
    public string? ClaimValueRead(IPropertyReferenceOperation reference)
    {
        var instance = reference.Instance is null ? null : PiiOperations.StripConversions(reference.Instance);
        if (instance is IConditionalAccessInstanceOperation)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    instance = PiiOperations.StripConversions(access.Operation);
                    break;
                }
            }
        }

        if (instance is ILocalReferenceOperation local)
        {
            // var claim = User.FindFirst(ClaimTypes.Email); ... claim?.Value
            instance = Initializer(local, reference);
        }

        return instance is IInvocationOperation { TargetMethod.Name: "FindFirst" } findFirst
            && IsPrincipalOrIdentity(findFirst.TargetMethod.ContainingType)
            ? PersonalClaim(findFirst.Arguments)
            : null;
    }

    private static IOperation? Initializer(ILocalReferenceOperation local, IOperation reference)
    {
        if (local.Local.DeclaringSyntaxReferences.Length != 1
            || local.Local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || value.SyntaxTree != reference.Syntax.SyntaxTree
            || reference.SemanticModel is not { } model)
        {
            return null;
        }

        return model.GetOperation(value) is { } operation ? PiiOperations.StripConversions(operation) : null;
    }

    private bool IsPrincipalOrIdentity(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _claimsPrincipal) || SymbolEqualityComparer.Default.Equals(current, _claimsIdentity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The claim-type argument when it names a personal claim, by a constant or by <c>c =&gt; c.Type == constant</c>.</summary>
    private static string? PersonalClaim(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            var value = PiiOperations.StripConversions(argument.Value);
            if (value.ConstantValue is { HasValue: true, Value: string type })
            {
                return PersonalClaimTypes.Contains(type) ? Describe(value, type) : null;
            }

            if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } && ComparedClaimType(lambda) is { } compared)
            {
                return compared;
            }
        }

        return null;
    }

    private static string? ComparedClaimType(IAnonymousFunctionOperation lambda)
    {
        foreach (var operation in lambda.Body.Operations)
        {
            if (operation is IReturnOperation { ReturnedValue: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison })
            {
                foreach (var side in new[] { comparison.LeftOperand, comparison.RightOperand })
                {
                    var value = PiiOperations.StripConversions(side);
                    if (value.ConstantValue is { HasValue: true, Value: string type } && PersonalClaimTypes.Contains(type))
                    {
                        return Describe(value, type);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>"the ClaimTypes.Email claim" (the constant's name as written) or "the email claim" (a literal's value).</summary>
    private static string Describe(IOperation value, string type) =>
        value is IFieldReferenceOperation field
            ? "the " + (field.Field.ContainingType is { } owner ? owner.Name + "." : string.Empty) + field.Field.Name + " claim"
            : "the " + type + " claim";

    private static IPropertySymbol? SingleProperty(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>
    /// Claims code lives in web apps, APIs and identity servers; a library or tool without such a reference has no
    /// signed-in user, so these sources cost it nothing. (Not System.Web or System.Web.HttpUtility: .NET ships those
    /// in every target framework.)
    /// </summary>
    private static bool ReferencesIdentityStack(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            var name = assembly.Name;
            if (name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.Identity", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Owin", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.AspNet.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Identity", StringComparison.Ordinal)
                || name.StartsWith("System.IdentityModel", StringComparison.Ordinal)
                || name is "System.Web.Mvc" or "System.Web.Http" or "System.Web.Http.Owin"
                || name.StartsWith("IdentityModel", StringComparison.Ordinal)
                || name.StartsWith("IdentityServer4", StringComparison.Ordinal)
                || name.StartsWith("Duende.", StringComparison.Ordinal)
                || name.StartsWith("OpenIddict", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
