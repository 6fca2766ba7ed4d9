using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// A source text that counts how often its whole content is read as a string. The requirements parser
/// reads the YAML this way exactly once per parse, so the count is the number of parses, without any
/// counter inside the analyzers (they hold no static mutable state).
/// </summary>
internal sealed class CountingSourceText(SourceText inner) : SourceText(checksumAlgorithm: inner.ChecksumAlgorithm)
{
    private int _fullReads;

    public int FullReads => Volatile.Read(ref _fullReads);

    public override Encoding? Encoding => inner.Encoding;

    public override int Length => inner.Length;

    public override char this[int position] => inner[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) =>
        inner.CopyTo(sourceIndex, destination, destinationIndex, count);

    public override string ToString(TextSpan span)
    {
        if (span.Start == 0 && span.Length == Length)
        {
            Interlocked.Increment(ref _fullReads);
        }

        return inner.ToString(span);
    }
}
