using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// A position inside a requirements file. The model is cached per <see cref="SourceText"/> and shared
/// by every compilation, so it holds spans only; the file path is attached when a location is made.
/// </summary>
internal readonly record struct SourceSpan(TextSpan Span, LinePositionSpan LineSpan)
{
    public static SourceSpan Create(SourceText text, int start, int end)
    {
        start = Clamp(start, text.Length);
        end = Clamp(end, text.Length);
        if (end < start)
        {
            end = start;
        }

        var span = TextSpan.FromBounds(start, end);
        return new SourceSpan(span, text.Lines.GetLinePositionSpan(span));
    }

    public Location ToLocation(string path) => Location.Create(path, Span, LineSpan);

    private static int Clamp(int value, int length) => value < 0 ? 0 : value > length ? length : value;
}
