using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Tests.Verifiers;

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

    /// <summary>Logging, DI, object pool and compliance abstractions (tests/ReferenceSets/PiiLogging.csproj).</summary>
    public static readonly ReferenceAssemblies References = TestReferences.Get("PiiLogging");

    /// <summary><see cref="References"/> plus the ASP.NET Core reference pack, for HttpContext-aware fixes.</summary>
    public static readonly ReferenceAssemblies WithAspNetCore = TestReferences.Get("PiiLoggingAspNetCore");

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
