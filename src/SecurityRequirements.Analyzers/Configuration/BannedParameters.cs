using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Parameters of a <c>check: banned</c> control.</summary>
internal sealed class BannedParameters
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public const string DefaultInstead = "remove it or use what the control prescribes";

    public BannedParameters(ImmutableArray<SpannedValue> symbols, ImmutableArray<BannedPatternEntry> patterns, string instead)
    {
        Symbols = symbols;
        Patterns = patterns;
        Instead = instead;
    }

    /// <summary>Documentation comment ids, bound to symbols per compilation.</summary>
    public ImmutableArray<SpannedValue> Symbols { get; }

    public ImmutableArray<BannedPatternEntry> Patterns { get; }

    /// <summary>What to write instead; appended to every message of the control.</summary>
    public string Instead { get; }

    /// <summary>The values the check applies, defaults included, for the attestation and the brief.</summary>
    public ImmutableArray<ParameterModel> Effective()
    {
        var patterns = ImmutableArray.CreateBuilder<string>(Patterns.Length);
        foreach (var pattern in Patterns)
        {
            patterns.Add(pattern.Source.Value);
        }

        var symbols = ImmutableArray.CreateBuilder<string>(Symbols.Length);
        foreach (var symbol in Symbols)
        {
            symbols.Add(symbol.Value);
        }

        return ImmutableArray.Create(
            ParameterModel.Scalar("instead", Instead),
            ParameterModel.List("patterns", patterns.MoveToImmutable()),
            ParameterModel.List("symbols", symbols.MoveToImmutable()));
    }

    public static BannedParameters Read(ParameterReader reader)
    {
        var symbols = ImmutableArray.CreateBuilder<SpannedValue>();
        var listedSymbols = reader.List("symbols");
        if (!listedSymbols.IsDefault)
        {
            foreach (var symbol in listedSymbols)
            {
                if (DocumentationIds.IsWellFormed(symbol.Value))
                {
                    symbols.Add(symbol);
                }
                else
                {
                    reader.Schema.Report(DiagnosticDescriptors.InvalidSymbolId, symbol.Span, symbol.Value);
                }
            }
        }

        var patterns = ImmutableArray.CreateBuilder<BannedPatternEntry>();
        var listedPatterns = reader.List("patterns");
        if (!listedPatterns.IsDefault)
        {
            foreach (var pattern in listedPatterns)
            {
                if (TryCreateRegex(pattern.Value, out var regex, out var error))
                {
                    patterns.Add(new BannedPatternEntry(regex!, pattern));
                }
                else
                {
                    reader.Schema.Report(DiagnosticDescriptors.InvalidRegex, pattern.Span, pattern.Value, error);
                }
            }
        }

        var instead = reader.String("instead")?.Value is { Length: > 0 } text ? SchemaReader.Normalize(text) : DefaultInstead;
        return new BannedParameters(symbols.ToImmutable(), patterns.ToImmutable(), instead);
    }

    private static bool TryCreateRegex(string pattern, out Regex? regex, out string error)
    {
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException ex)
        {
            // The Regex constructor is the only validator of .NET pattern syntax; its message is the user's answer.
            regex = null;
            error = SchemaReader.Normalize(ex.Message);
            return false;
        }
    }
}
