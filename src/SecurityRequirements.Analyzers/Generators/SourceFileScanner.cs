using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Reads what the attestation needs from one file: pragmas naming our ids, the header (AI markers), whether it is
/// generated code, the bulk severity settings that reach it, the namespaces it declares types in, and PKCE settings
/// it reads from configuration. Only directives, leading trivia and namespace-level declarations are visited, so a
/// first build does not walk every node of every file.
/// </summary>
internal static class SourceFileScanner
{
    /// <summary>File headers are short; reading more would only cost memory in every cached file model.</summary>
    private const int MaxHeaderLength = 2048;

    private const string IdPrefix = "SRA";
    private const string BulkPrefix = "dotnet_analyzer_diagnostic.";
    private const string BulkAll = "dotnet_analyzer_diagnostic.severity";

    /// <summary>The categories our rules report in; bulk settings for other categories do not reach them.</summary>
    private static readonly string[] RuleCategories =
    {
        DiagnosticCategories.Encryption,
        DiagnosticCategories.OAuthPkce,
        DiagnosticCategories.PiiAudit,
        DiagnosticCategories.Bans,
    };

    private static readonly string[] PkceSettings = { "UsePkce", "RequirePkce", "AllowPlainTextPkce" };

    /// <summary>Words a file must contain before it is walked for PKCE settings read from configuration.</summary>
    private static readonly string[] PkceMarkers = { "Pkce", "OpenIdConnectOptions", "OAuthOptions", "AddInMemoryClients" };

    /// <summary>
    /// Scans one file. The places that set PKCE from configuration are counted by syntax alone; they count only in a
    /// compilation that has a type whose PKCE settings SRA2006 reads, which the manifest step decides.
    /// </summary>
    public static SourceFileScan Scan(SyntaxTree tree, AnalyzerConfigOptions? options, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        var path = tree.FilePath;
        return new SourceFileScan(
            path,
            ReadHeader(root),
            ReadPragmas(tree, root, path, cancellationToken),
            GeneratedFiles.ReasonFor(tree, options, cancellationToken),
            ReadBulkSeverities(options),
            ReadTypeNamespaces(root),
            CountConfigurationBoundPkce(tree, root, cancellationToken));
    }

    public static bool IsOurId(string id) =>
        id.Length == 7 && id.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>#pragma warning disable</c> directives naming our ids. The text is searched for "#pragma" first and each
    /// place is confirmed on the tree: following directive to directive would build the red tree of every file.
    /// </summary>
    private static EquatableArray<SuppressionEntry> ReadPragmas(SyntaxTree tree, CompilationUnitSyntax root, string path, CancellationToken cancellationToken)
    {
        if (!root.ContainsDirectives)
        {
            return EquatableArray<SuppressionEntry>.Empty;
        }

        var positions = new List<int>();
        TextScan.FindDirectiveKeyword(tree.GetText(cancellationToken), "pragma", positions);
        if (positions.Count == 0)
        {
            return EquatableArray<SuppressionEntry>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<SuppressionEntry>();
        foreach (var position in positions)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A "#pragma" inside a string or a comment is no directive, and one in inactive code silences nothing.
            if (root.FindTrivia(position).GetStructure() is PragmaWarningDirectiveTriviaSyntax { IsActive: true } pragma
                && pragma.SpanStart == position
                && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
            {
                AddPragma(builder, pragma, path);
            }
        }

        return new EquatableArray<SuppressionEntry>(builder.ToImmutable());
    }

    private static void AddPragma(ImmutableArray<SuppressionEntry>.Builder builder, PragmaWarningDirectiveTriviaSyntax pragma, string path)
    {
        var line = pragma.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var justification = string.Empty;
        foreach (var trivia in pragma.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
            {
                justification = trivia.ToString().Substring(2).Trim();
                break;
            }
        }

        // A bare "#pragma warning disable" silences every warning, ours included.
        if (pragma.ErrorCodes.Count == 0)
        {
            builder.Add(new SuppressionEntry("*", path, line, "pragma", justification));
            return;
        }

        foreach (var code in pragma.ErrorCodes)
        {
            if (code is IdentifierNameSyntax identifier && IsOurId(identifier.Identifier.ValueText))
            {
                builder.Add(new SuppressionEntry(identifier.Identifier.ValueText.ToUpperInvariant(), path, line, "pragma", justification));
            }
        }
    }

    /// <summary>The comments before the first token; empty for a tool-generated file, whose "generated by a tool" header is no AI marker.</summary>
    private static string ReadHeader(CompilationUnitSyntax root)
    {
        var header = new StringBuilder();
        foreach (var trivia in root.GetFirstToken(includeZeroWidth: true).LeadingTrivia)
        {
            if (header.Length >= MaxHeaderLength)
            {
                break;
            }

            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)
                || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
                || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                header.Append(trivia.ToFullString()).Append('\n');
            }
        }

        var text = header.Length > MaxHeaderLength ? header.ToString(0, MaxHeaderLength) : header.ToString();
        return text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 ? string.Empty : text;
    }

    private static EquatableArray<BulkSeverity> ReadBulkSeverities(AnalyzerConfigOptions? options)
    {
        if (options is null)
        {
            return EquatableArray<BulkSeverity>.Empty;
        }

        List<BulkSeverity>? found = null;
        if (options.TryGetValue(BulkAll, out var all))
        {
            (found ??= new List<BulkSeverity>()).Add(new BulkSeverity(string.Empty, all.Trim().ToLowerInvariant()));
        }

        foreach (var category in RuleCategories)
        {
            if (options.TryGetValue(BulkPrefix + "category-" + category + ".severity", out var value))
            {
                (found ??= new List<BulkSeverity>()).Add(new BulkSeverity(category, value.Trim().ToLowerInvariant()));
            }
        }

        return found is null ? EquatableArray<BulkSeverity>.Empty : new EquatableArray<BulkSeverity>(found);
    }

    private static EquatableArray<string> ReadTypeNamespaces(CompilationUnitSyntax root)
    {
        // A file declares types in one or two namespaces: a list beats a sorted set, and the stack is only made for nesting.
        var names = new List<string>(1);
        Stack<(SyntaxList<MemberDeclarationSyntax> Members, string Namespace)>? pending = null;
        var members = root.Members;
        var ns = string.Empty;
        while (true)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax declaration:
                        var name = declaration.Name.ToString();
                        (pending ??= new Stack<(SyntaxList<MemberDeclarationSyntax>, string)>()).Push((declaration.Members, ns.Length == 0 ? name : ns + "." + name));
                        break;
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        AddOnce(names, ns);
                        break;
                    case GlobalStatementSyntax:
                        // Top-level statements live in the compiler's Program type in the global namespace.
                        AddOnce(names, string.Empty);
                        break;
                }
            }

            if (pending is null || pending.Count == 0)
            {
                break;
            }

            (members, ns) = pending.Pop();
        }

        if (names.Count > 1)
        {
            names.Sort(StringComparer.Ordinal);
        }

        return new EquatableArray<string>(names);

        static void AddOnce(List<string> names, string name)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }
    }

    /// <summary>
    /// Places that set PKCE from configuration, by syntax alone (SRA2006 reports them with the types bound): an assignment
    /// of <c>UsePkce</c>, <c>RequirePkce</c> or <c>AllowPlainTextPkce</c> whose value is not a <c>true</c>/<c>false</c>
    /// literal; <c>Configure&lt;…OpenIdConnectOptions|…OAuthOptions&gt;(x)</c> with no configure lambda;
    /// <c>AddOptions&lt;…Options&gt;().Bind(…)</c>/<c>BindConfiguration(…)</c> of those options; and
    /// <c>AddInMemoryClients(…GetSection(…)…)</c>. The file's text is searched first, so most files are never walked.
    /// </summary>
    private static int CountConfigurationBoundPkce(SyntaxTree tree, CompilationUnitSyntax root, CancellationToken cancellationToken)
    {
        if (!TextScan.ContainsAny(tree.GetText(cancellationToken), PkceMarkers))
        {
            return 0;
        }

        var count = 0;
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                    when Array.IndexOf(PkceSettings, AssignedName(assignment.Left)) >= 0 && !IsLiteral(assignment.Right):
                    count++;
                    break;
                case InvocationExpressionSyntax invocation when IsConfigurationBinding(invocation):
                    count++;
                    break;
            }
        }

        return count;
    }

    private static bool IsConfigurationBinding(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };

        switch (name?.Identifier.ValueText)
        {
            case "Configure" when name is GenericNameSyntax generic && IsPkceOptions(generic):
                // Configure<OpenIdConnectOptions>(o => ...) pins values in code; Configure<T>(configurationSection) binds them.
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    var value = argument.Expression;
                    while (value is CastExpressionSyntax or ParenthesizedExpressionSyntax)
                    {
                        value = value is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
                    }

                    if (value is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LiteralExpressionSyntax))
                    {
                        return true;
                    }
                }

                return false;
            case "Bind" or "BindConfiguration":
                for (var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression; receiver is InvocationExpressionSyntax inner; receiver = (inner.Expression as MemberAccessExpressionSyntax)?.Expression)
                {
                    if ((inner.Expression as MemberAccessExpressionSyntax)?.Name is GenericNameSyntax { Identifier.ValueText: "AddOptions" } options && IsPkceOptions(options))
                    {
                        return true;
                    }
                }

                return false;
            case "AddInMemoryClients":
                return invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression.ToString().IndexOf("GetSection", StringComparison.Ordinal) >= 0;
            default:
                return false;
        }
    }

    private static bool IsPkceOptions(GenericNameSyntax name)
    {
        if (name.TypeArgumentList.Arguments.Count != 1)
        {
            return false;
        }

        var type = name.TypeArgumentList.Arguments[0].ToString();
        return type.EndsWith("OpenIdConnectOptions", StringComparison.Ordinal) || type.EndsWith("OAuthOptions", StringComparison.Ordinal);
    }

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsLiteral(ExpressionSyntax value)
    {
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        return value.IsKind(SyntaxKind.TrueLiteralExpression) || value.IsKind(SyntaxKind.FalseLiteralExpression);
    }
}
