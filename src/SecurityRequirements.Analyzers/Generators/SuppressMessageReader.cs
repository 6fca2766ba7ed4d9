using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>Reads the <c>[SuppressMessage]</c> attributes of a declaration that name one of our ids.</summary>
internal static class SuppressMessageReader
{
    public static EquatableArray<SuppressionEntry> Read(GeneratorAttributeSyntaxContext context)
    {
        var tree = context.TargetNode.SyntaxTree;
        var builder = ImmutableArray.CreateBuilder<SuppressionEntry>();
        foreach (var attribute in context.Attributes)
        {
            var reference = attribute.ApplicationSyntaxReference;

            // Assembly-level attributes are offered to each file's compilation unit; keep those written in this file.
            if (reference is null || reference.SyntaxTree != tree
                || attribute.ConstructorArguments.Length < 2
                || attribute.ConstructorArguments[1].Value is not string checkId)
            {
                continue;
            }

            // "SRA1001:WeakSymmetricAlgorithm" and "SRA1001" both name SRA1001.
            var colon = checkId.IndexOf(':');
            var id = (colon < 0 ? checkId : checkId.Substring(0, colon)).Trim();
            if (!SourceFileScanner.IsOurId(id))
            {
                continue;
            }

            var justification = string.Empty;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Justification" && named.Value.Value is string text)
                {
                    justification = text;
                }
            }

            var line = tree.GetLineSpan(reference.Span).StartLinePosition.Line + 1;
            builder.Add(new SuppressionEntry(id.ToUpperInvariant(), tree.FilePath, line, "SuppressMessage", justification));
        }

        return new EquatableArray<SuppressionEntry>(builder.ToImmutable());
    }
}
