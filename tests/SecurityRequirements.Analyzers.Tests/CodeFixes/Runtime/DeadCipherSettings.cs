using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// Finds cipher objects a fix left configured but unused: a SymmetricAlgorithm local whose every remaining use sets
/// Key, IV, Mode, Padding or a size, or disposes it. Such settings are dead code that still reads like security.
/// </summary>
internal static class DeadCipherSettings
{
    private static readonly HashSet<string> Settings = ["Key", "IV", "Mode", "Padding", "KeySize", "BlockSize", "FeedbackSize"];

    public static async Task AssertNoneAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var symmetricAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm")!;
        var dead = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = await tree.GetRootAsync();
            foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (model.GetDeclaredSymbol(declarator) is not ILocalSymbol local || !DerivesFrom(local.Type, symmetricAlgorithm))
                {
                    continue;
                }

                var uses = root.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, local))
                    .ToList();
                if (uses.All(IsSettingOrDisposal))
                {
                    dead.Add(tree.FilePath + ": " + declarator.Parent!.Parent);
                }
            }
        }

        Assert.True(dead.Count == 0, "Cipher objects left configured but unused:\n" + string.Join("\n", dead));
    }

    private static bool IsSettingOrDisposal(IdentifierNameSyntax use) =>
        use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } access && access.Expression == use
        && ((access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access && Settings.Contains(member))
            || (access.Parent is InvocationExpressionSyntax && member is "Dispose" or "Clear"));

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
