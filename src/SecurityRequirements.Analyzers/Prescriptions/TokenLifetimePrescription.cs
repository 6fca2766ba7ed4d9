using System;
using System.Globalization;
using System.Text;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Prescriptions;

/// <summary>
/// The prescribed token lifetimes of an oauth-pkce control, as a class the requirements brief shows: one constant
/// per limit, so JWT descriptors, IdentityServer clients and OpenIddict options all read the same values.
/// </summary>
internal static class TokenLifetimePrescription
{
    public const string TypeName = "TokenLifetimes";

    public static string ClassText(string controlId, TimeSpan accessToken, TimeSpan refreshToken, TimeSpan identityToken)
    {
        var text = new StringBuilder();
        text.Append("/// <summary>Token lifetimes at the limits of control ").Append(GeneratedCodeText.DocCommentText(controlId)).Append(": use these, or shorter ones.</summary>\n")
            .Append("internal static class ").Append(TypeName).Append('\n')
            .Append("{\n");
        Append(text, "AccessToken", "access_token_lifetime", accessToken);
        Append(text, "RefreshToken", "refresh_token_lifetime", refreshToken);
        Append(text, "IdentityToken", "identity_token_lifetime", identityToken);
        return text.Append('}').ToString();
    }

    private static void Append(StringBuilder text, string name, string parameter, TimeSpan limit) =>
        text.Append("    public static readonly global::System.TimeSpan ").Append(name)
            .Append(" = global::System.TimeSpan.FromSeconds(").Append(((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture)).Append("); // ")
            .Append(parameter).Append(": ").Append(DurationParser.Format(limit)).Append('\n');
}
