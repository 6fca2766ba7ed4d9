using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1007: Generate security values with RandomNumberGenerator, not System.Random.
/// </summary>
/// <remarks>
/// Reported at the call on <c>System.Random</c> (an instance, a subclass or <c>Random.Shared</c>) whose result, followed
/// through its member body by <see cref="RandomValueFlow"/>, becomes a security value: cipher, hash or KDF input (keys,
/// IVs, nonces, salts), bytes encoded as text with Convert.ToBase64String and the like, a local, field, property or
/// parameter whose name says it holds a password, token, salt, nonce, secret, one-time or reset code, session or API
/// key, a value returned by a method whose name says so, or random text assembled and returned from a method. Other
/// uses (delays, jitter, shuffles, sampling, colours, indexes) stay silent. In assemblies that reference a test
/// framework only the cryptographic flows count. A control with <c>forbid_system_random: true</c> has every call
/// on System.Random reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureRandomnessAnalyzer : RequirementsAnalyzer
{
    public const string ValueProperty = "Value";

    private static readonly string[] TestFrameworks = { "xunit.core", "xunit.assert", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PredictableKeyMaterial);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        var random = context.Compilation.GetTypeByMetadataName("System.Random");
        if (controls.IsEmpty || random is null)
        {
            return;
        }

        var flow = new RandomValueFlow(names: !ReferencesTestFramework(context.Compilation));
        var advice = new Advice(context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator"));

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (method.IsStatic || !(method.Name.StartsWith("Next", System.StringComparison.Ordinal) || method.Name == "GetItems")
                    || !IsSystemRandom(invocation.Instance, random))
                {
                    return; // the name first: this runs for every invocation
                }

                var what = flow.Classify(invocation, operationContext.ContainingSymbol);
                foreach (var control in controls)
                {
                    var reported = what ?? (control.Encryption.ForbidSystemRandom ? "a value (the control sets forbid_system_random)" : null);
                    if (reported is null)
                    {
                        continue;
                    }

                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.PredictableKeyMaterial,
                        control,
                        invocation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add(ValueProperty, what is null ? "any" : "security"),
                        control.Id,
                        control.Requirement,
                        "Random." + method.Name,
                        reported,
                        advice.For(method.Name, what));
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>
    /// A receiver that is System.Random itself (an instance or Random.Shared). Subclasses are someone's own generator:
    /// BouncyCastle's SecureRandom derives from System.Random and is cryptographically strong.
    /// </summary>
    internal static bool IsSystemRandom(IOperation? receiver, INamedTypeSymbol random)
    {
        if (!SymbolEqualityComparer.Default.Equals(receiver?.Type, random))
        {
            return false;
        }

        // Random rng = new SecureRandom(): the static type says Random, the object is not.
        var operation = OperationTree.SkipConversions(receiver);
        if (operation is ILocalReferenceOperation local)
        {
            operation = OperationTree.SkipConversions(ConstantTracer.OnlyWrite(local.Local, local));
        }

        return operation is not IObjectCreationOperation creation || SymbolEqualityComparer.Default.Equals(creation.Type, random);
    }

    private static bool ReferencesTestFramework(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (System.Array.IndexOf(TestFrameworks, assembly.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The replacement for each System.Random method, from what RandomNumberGenerator offers in this compilation.</summary>
    private sealed class Advice
    {
        private readonly bool _getInt32;
        private readonly bool _getString;
        private readonly bool _fill;
        private readonly bool _getItems;

        public Advice(INamedTypeSymbol? generator)
        {
            _getInt32 = generator?.GetMembers("GetInt32").Length > 0;
            _getString = generator?.GetMembers("GetString").Length > 0;
            _fill = generator?.GetMembers("Fill").Length > 0;
            _getItems = generator?.GetMembers("GetItems").Length > 0;
        }

        public string For(string method, string? what)
        {
            switch (method)
            {
                case "NextBytes":
                    return _fill ? "fill the buffer with RandomNumberGenerator.Fill" : "fill the buffer with RandomNumberGenerator.Create().GetBytes";
                case "GetItems" when _getItems:
                    return "use RandomNumberGenerator.GetItems";
                case "Next" when what is not null && what.StartsWith("the random string", System.StringComparison.Ordinal) && _getString:
                    return "use RandomNumberGenerator.GetString(characters, length)";
                case "Next" when _getInt32:
                    return "use RandomNumberGenerator.GetInt32 with the same bounds";
                default:
                    return _getInt32
                        ? "use RandomNumberGenerator.GetInt32, or RandomNumberGenerator.GetBytes for wider values"
                        : "use RandomNumberGenerator.Create().GetBytes and build the value from those bytes";
            }
        }
    }
}
