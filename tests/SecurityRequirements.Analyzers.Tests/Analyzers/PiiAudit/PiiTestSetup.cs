using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>References and stand-ins shared by the PII audit tests: real logging and compliance packages, and ASP.NET Core Identity's attributes as source.</summary>
internal static class PiiTestSetup
{
    public const string ControlId = "SEC-003";
    public const string Requirement = "Log all access to PII with user id, action and IP";

    public const string Yaml = """
        controls:
          - id: SEC-003
            name: Audit Logging
            requirement: Log all access to PII with user id, action and IP
            check: pii-audit
        """;

    /// <summary>The plain policy-file control from the design: no check key, no parameters.</summary>
    public const string PlainYaml = """
        version: "2.0"
        controls:
          - id: "SEC-003"
            name: "Audit Logging"
            requirement: "Log all access to PII with full context"
        """;

    public static readonly ReferenceAssemblies References = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.Extensions.Logging.Abstractions", "8.0.2"),
        new PackageIdentity("Microsoft.Extensions.DependencyInjection.Abstractions", "8.0.2"),
        new PackageIdentity("Microsoft.Extensions.ObjectPool", "8.0.11"),
        new PackageIdentity("Microsoft.Extensions.Compliance.Abstractions", "8.10.0")));

    /// <summary><see cref="References"/> plus the ASP.NET Core reference pack, for HttpContext-aware fixes.</summary>
    public static readonly ReferenceAssemblies WithAspNetCore = References.AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.34")));

    /// <summary>Microsoft.AspNetCore.Identity's attributes, as in the shared framework (ProtectedPersonalData derives from PersonalData).</summary>
    public const string IdentityAttributes = """
        namespace Microsoft.AspNetCore.Identity
        {
            [System.AttributeUsage(System.AttributeTargets.Property)]
            public class PersonalDataAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Property)]
            public class ProtectedPersonalDataAttribute : PersonalDataAttribute { }
        }
        """;
}
