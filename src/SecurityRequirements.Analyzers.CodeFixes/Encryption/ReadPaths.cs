using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Analyzers.Encryption;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// Whether the project decrypts with a SymmetricAlgorithm (CreateDecryptor, DecryptCbc/Ecb/Cfb and their Try forms).
/// Such a read path expects what the old encryption wrote; once a fix moves the encryption to AES-GCM it would fail on
/// every new message, so the SRA1001 and SRA1003 fixes are not offered in that project. Computed once per compilation.
/// </summary>
internal static class ReadPaths
{
    private static readonly ConditionalWeakTable<Compilation, object> Cache = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    public static bool Decrypts(Compilation compilation, CancellationToken cancellationToken) =>
        Cache.GetValue(compilation, c => Scan(c, cancellationToken) ? Yes : No) == Yes;

    private static bool Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        var symmetricAlgorithm = CryptoTypes.Resolve(compilation).SymmetricAlgorithm;
        if (symmetricAlgorithm is null)
        {
            return false;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access }
                    || name is not ("CreateDecryptor" or "DecryptCbc" or "DecryptEcb" or "DecryptCfb" or "TryDecryptCbc" or "TryDecryptEcb" or "TryDecryptCfb"))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (CryptoTypes.DerivesFrom(model.GetTypeInfo(access.Expression, cancellationToken).Type, symmetricAlgorithm))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
