namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>Builds the help link of every rule from one place, so the meta-tests can check them all.</summary>
public static class HelpLinks
{
    public const string RulesBaseUri = "https://github.com/securityrequirements/SecurityRequirements.Analyzers/blob/main/docs/rules/";

    public static string ForId(string id) => RulesBaseUri + id + ".md";
}
