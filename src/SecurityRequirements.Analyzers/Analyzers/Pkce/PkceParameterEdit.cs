using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// An edit of a PKCE parameter in a protocol message, as event handlers write them (<c>OnRedirectToIdentityProvider</c>,
/// <c>OnAuthorizationCodeReceived</c>): <c>RemoveParameter(key)</c>, <c>SetParameter(key, value)</c>,
/// <c>Parameters.Remove(key)</c>, <c>Parameters.Add(key, value)</c> and <c>Parameters[key] = value</c> on an
/// <c>AuthenticationProtocolMessage</c> (<c>OpenIdConnectMessage</c>) or an <c>OpenIddictMessage</c>, and
/// <c>Items.Remove(key)</c> on the handler's <c>AuthenticationProperties</c>, where it keeps the code verifier.
/// Only constant keys <c>code_challenge</c>, <c>code_challenge_method</c> and <c>code_verifier</c> count.
/// </summary>
internal readonly record struct PkceParameterEdit(string Key, bool Removes, string? Value, string Construct)
{
    public static PkceParameterEdit? Read(IOperation operation, ImmutableArray<INamedTypeSymbol> messages, ImmutableArray<INamedTypeSymbol> properties)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var arguments = invocation.Arguments;
                if (method.Name is "RemoveParameter" or "SetParameter" && OAuthSymbols.Contains(messages, method.ContainingType))
                {
                    return method.Name == "RemoveParameter"
                        ? Create(arguments.Length == 1 ? arguments[0].Value : null, null, removes: true, method.Name + "(\"{0}\")")
                        : Create(arguments.Length == 2 ? arguments[0].Value : null, arguments.Length == 2 ? arguments[1].Value : null, removes: false, method.Name + "(\"{0}\", {1})");
                }

                if (method.Name is "Remove" or "Add" && Collection(invocation.Instance, messages, properties) is { } collection)
                {
                    return method.Name == "Remove"
                        ? Create(arguments.Length == 1 ? arguments[0].Value : null, null, removes: true, collection + ".Remove(\"{0}\")")
                        : Create(arguments.Length == 2 ? arguments[0].Value : null, arguments.Length == 2 ? arguments[1].Value : null, removes: false, collection + ".Add(\"{0}\", {1})");
                }

                return null;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                when Collection(indexer.Instance, messages, properties) is { } indexed:
                return Create(indexer.Arguments[0].Value, assignment.Value, removes: false, indexed + "[\"{0}\"] = {1}");

            default:
                return null;
        }
    }

    /// <summary>"Parameters" or "Items" when <paramref name="instance"/> is a message's parameter dictionary or the handler's properties' items.</summary>
    private static string? Collection(IOperation? instance, ImmutableArray<INamedTypeSymbol> messages, ImmutableArray<INamedTypeSymbol> properties) => instance switch
    {
        IPropertyReferenceOperation { Property: { Name: "Parameters" } parameters } when OAuthSymbols.Contains(messages, parameters.ContainingType) => "Parameters",
        IPropertyReferenceOperation { Property: { Name: "Items" } items } when OAuthSymbols.Contains(properties, items.ContainingType) => "Items",
        _ => null,
    };

    private static PkceParameterEdit? Create(IOperation? key, IOperation? value, bool removes, string format)
    {
        if (key is null || Text(key) is not { HasValue: true, Value: string name } || name is not ("code_challenge" or "code_challenge_method" or "code_verifier"))
        {
            return null;
        }

        string? text = null;
        if (value is not null)
        {
            var constant = Text(value);
            if (!constant.HasValue)
            {
                // A computed value may well be the S256 challenge itself.
                return null;
            }

            text = constant.Value as string;
            removes = text is null;
        }

        var shown = text is null ? "null" : "\"" + text + "\"";
        return new PkceParameterEdit(name, removes, text, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, name, shown));
    }

    /// <summary>A constant, or one of ASP.NET Core's <c>OAuthConstants</c> fields, which are static readonly rather than const.</summary>
    private static Optional<object?> Text(IOperation operation)
    {
        operation = OAuthSymbols.WithoutConversions(operation);
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue;
        }

        if (operation is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType: { Name: "OAuthConstants", ContainingNamespace.Name: "OAuth" } } field })
        {
            return field.Name switch
            {
                "CodeVerifierKey" => "code_verifier",
                "CodeChallengeKey" => "code_challenge",
                "CodeChallengeMethodKey" => "code_challenge_method",
                "CodeChallengeMethodS256" => "S256",
                _ => default(Optional<object?>),
            };
        }

        return default;
    }
}
