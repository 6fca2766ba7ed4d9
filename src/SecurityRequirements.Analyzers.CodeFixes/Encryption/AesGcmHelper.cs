using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// The prescribed AES-256-GCM implementation the fixes call, added once per project: appended to the first fixed file
/// (a separate file would make MSBuildWorkspace, and so <c>dotnet format</c>, add a duplicate Compile item to SDK projects).
/// Output layout: nonce (12 bytes) || ciphertext || tag (16 bytes). Names are fully qualified so the class compiles in any file.
/// </summary>
internal static class AesGcmHelper
{
    public const string TypeName = "AesGcmEncryption";

    public const string ClassSource = """
        /// <summary>
        /// AES-GCM as the security requirements prescribe: a fresh random 12-byte nonce for every message and a
        /// 16-byte tag. The output is nonce || ciphertext || tag, so Decrypt needs only the key.
        /// </summary>
        internal static class AesGcmEncryption
        {
            private const int NonceSize = 12;
            private const int TagSize = 16;

            public static byte[] Encrypt(byte[] key, byte[] plaintext) => Encrypt(key, plaintext, global::System.Array.Empty<byte>());

            public static byte[] Encrypt(byte[] key, byte[] plaintext, byte[] associatedData)
            {
                var output = new byte[NonceSize + plaintext.Length + TagSize];
                var nonce = new global::System.Span<byte>(output, 0, NonceSize);
                global::System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
                using var aes = new global::System.Security.Cryptography.AesGcm(key, TagSize);
                aes.Encrypt(nonce, plaintext, new global::System.Span<byte>(output, NonceSize, plaintext.Length), new global::System.Span<byte>(output, NonceSize + plaintext.Length, TagSize), associatedData);
                return output;
            }

            public static byte[] Decrypt(byte[] key, byte[] sealedData) => Decrypt(key, sealedData, global::System.Array.Empty<byte>());

            public static byte[] Decrypt(byte[] key, byte[] sealedData, byte[] associatedData)
            {
                if (sealedData.Length < NonceSize + TagSize)
                {
                    throw new global::System.Security.Cryptography.CryptographicException("The data is too short to hold a nonce and a tag.");
                }

                var plaintext = new byte[sealedData.Length - NonceSize - TagSize];
                using var aes = new global::System.Security.Cryptography.AesGcm(key, TagSize);
                aes.Decrypt(new global::System.ReadOnlySpan<byte>(sealedData, 0, NonceSize), new global::System.ReadOnlySpan<byte>(sealedData, NonceSize, plaintext.Length), new global::System.ReadOnlySpan<byte>(sealedData, NonceSize + plaintext.Length, TagSize), plaintext, associatedData);
                return plaintext;
            }
        }
        """;

    /// <summary>The namespace ("" for global) of a helper the project already has, or null when there is none.</summary>
    public static string? FindExisting(Compilation compilation)
    {
        var existing = compilation.GetSymbolsWithName(TypeName, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.GetMembers("Encrypt").Length > 0)
            .OrderBy(t => t.ToDisplayString(), System.StringComparer.Ordinal)
            .FirstOrDefault();
        return existing is null ? null : existing.ContainingNamespace.IsGlobalNamespace ? string.Empty : existing.ContainingNamespace.ToDisplayString();
    }

    /// <summary>The helper can be used when AesGcm has the (key, tagSizeInBytes) constructor (.NET 8+).</summary>
    public static bool CanUse(Compilation compilation)
    {
        var aesGcm = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm");
        return aesGcm is not null && aesGcm.InstanceConstructors.Any(c =>
            c.Parameters.Length == 2 && c.Parameters[0].Type is IArrayTypeSymbol && c.Parameters[1].Type.SpecialType == SpecialType.System_Int32);
    }

    /// <summary>Appends the helper to a file: inside its file-scoped namespace, else at the end of the file (global namespace).</summary>
    public static CompilationUnitSyntax AddTo(CompilationUnitSyntax root, out string helperNamespace)
    {
        var helper = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(ClassSource)!;
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToString() : "\n";
        helper = helper.WithLeadingTrivia(SyntaxFactory.ParseLeadingTrivia(newLine).AddRange(helper.GetLeadingTrivia()));
        if (root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault() is { } fileScoped)
        {
            helperNamespace = fileScoped.Name.ToString();
            return root.ReplaceNode(fileScoped, fileScoped.AddMembers(helper));
        }

        helperNamespace = string.Empty;
        return root.AddMembers(helper);
    }

    /// <summary>How a call site refers to the helper: the short name when its namespace encloses the site.</summary>
    public static string NameAt(SemanticModel model, int position, string helperNamespace)
    {
        if (helperNamespace.Length == 0)
        {
            return TypeName;
        }

        for (var ns = model.GetEnclosingSymbol(position)?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.ToDisplayString() == helperNamespace)
            {
                return TypeName;
            }
        }

        return helperNamespace + "." + TypeName;
    }
}
