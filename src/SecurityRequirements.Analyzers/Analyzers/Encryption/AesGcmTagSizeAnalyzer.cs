using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1002: Construct AesGcm with a 16-byte tag.
/// </summary>
/// <remarks>
/// Reported for <c>new AesGcm(key)</c> (the obsolete constructor without a tag size) and for
/// <c>new AesGcm(key, n)</c> with a constant <c>n</c> below 16. A tag size computed at run time is not reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AesGcmTagSizeAnalyzer : RequirementsAnalyzer
{
    public const string TagSizeProperty = "TagSize";
    private const int RequiredTagBytes = 16;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AesGcmTagTooShort);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        var aesGcm = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm");
        if (controls.IsEmpty || aesGcm is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Constructor is not { } constructor || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, aesGcm))
                {
                    return;
                }

                string problem;
                string tagSize;
                if (constructor.Parameters.Length == 1)
                {
                    problem = "new AesGcm(key) leaves the tag size to each Encrypt call";
                    tagSize = "unspecified";
                }
                else if (creation.Arguments.Length > 1
                    && creation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int bytes }
                    && bytes < RequiredTagBytes)
                {
                    tagSize = bytes.ToString(CultureInfo.InvariantCulture);
                    problem = "AesGcm is built with a " + tagSize + "-byte tag";
                }
                else
                {
                    return;
                }

                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.AesGcmTagTooShort,
                        control,
                        creation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add(TagSizeProperty, tagSize),
                        control.Id,
                        control.Requirement,
                        problem);
                }
            },
            OperationKind.ObjectCreation);
    }
}
