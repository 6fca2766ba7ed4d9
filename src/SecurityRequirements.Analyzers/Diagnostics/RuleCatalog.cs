using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>
/// The rule ids that enforce each check, read once from the public descriptor fields of
/// <see cref="DiagnosticDescriptors"/> by category. Reflection instead of a hand-kept list, so a
/// rule added to any <c>DiagnosticDescriptors.&lt;Family&gt;.cs</c> partial shows up in the attestation.
/// </summary>
internal static class RuleCatalog
{
    private static readonly Lazy<ImmutableDictionary<CheckKind, ImmutableArray<string>>> LazyRules = new(Load);
    private static readonly Lazy<ImmutableDictionary<string, string>> LazyTitles = new(LoadTitles);

    /// <summary>The enforcing rule ids of <paramref name="check"/>, sorted; empty for <see cref="CheckKind.None"/> or a check without rules yet.</summary>
    public static ImmutableArray<string> RulesFor(CheckKind check) =>
        LazyRules.Value.TryGetValue(check, out var ids) ? ids : ImmutableArray<string>.Empty;

    /// <summary>The descriptor title of <paramref name="id"/> (what to write instead, in the imperative), or "" for an unknown id.</summary>
    public static string TitleOf(string id) => LazyTitles.Value.TryGetValue(id, out var title) ? title : string.Empty;

    public static CheckKind CheckOfCategory(string category) => category switch
    {
        DiagnosticCategories.Encryption => CheckKind.Encryption,
        DiagnosticCategories.OAuthPkce => CheckKind.OAuthPkce,
        DiagnosticCategories.PiiAudit => CheckKind.PiiAudit,
        DiagnosticCategories.Bans => CheckKind.Banned,
        _ => CheckKind.None,
    };

    private static ImmutableDictionary<CheckKind, ImmutableArray<string>> Load()
    {
        var byCheck = new Dictionary<CheckKind, SortedSet<string>>();
        foreach (var field in typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not DiagnosticDescriptor descriptor)
            {
                continue;
            }

            var check = CheckOfCategory(descriptor.Category);
            if (check == CheckKind.None)
            {
                continue;
            }

            if (!byCheck.TryGetValue(check, out var ids))
            {
                ids = new SortedSet<string>(StringComparer.Ordinal);
                byCheck.Add(check, ids);
            }

            ids.Add(descriptor.Id);
        }

        var builder = ImmutableDictionary.CreateBuilder<CheckKind, ImmutableArray<string>>();
        foreach (var pair in byCheck)
        {
            builder.Add(pair.Key, pair.Value.ToImmutableArray());
        }

        return builder.ToImmutable();
    }

    private static ImmutableDictionary<string, string> LoadTitles()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var field in typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is DiagnosticDescriptor descriptor)
            {
                builder[descriptor.Id] = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return builder.ToImmutable();
    }
}
