using System.Collections.Generic;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Prescriptions;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>The audit helper the SRA3001 fix adds once per project: the prescribed <see cref="PiiAuditPrescription"/> class.</summary>
internal static class AuditHelperSource
{
    public const string MethodName = PiiAuditPrescription.MethodName;

    public static ProjectHelperClass Helper(string controlId, IReadOnlyList<string> fields) =>
        new(PiiAuditPrescription.ClassName, MethodName, PiiAuditPrescription.ClassText(controlId, fields));
}
