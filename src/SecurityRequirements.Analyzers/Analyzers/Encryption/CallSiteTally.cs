using System.Threading;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// What the calls of one method in the compilation pass: how many calls, how many pass a hard-coded value per
/// parameter, and the first such value in source order (for a deterministic message). Written concurrently by
/// operation actions, read once at compilation end.
/// </summary>
internal sealed class CallSiteTally
{
    private readonly object _gate = new();
    private readonly int[] _hardCoded;
    private readonly string?[] _first;
    private readonly (string Path, int Position)[] _firstAt;

    public CallSiteTally(int parameterCount)
    {
        _hardCoded = new int[parameterCount];
        _first = new string?[parameterCount];
        _firstAt = new (string, int)[parameterCount];
    }

    private int _calls;
    private int _escapes;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The method is also used as a delegate, or called in ways not counted: its callers are not all known.</summary>
    public bool Escapes => Volatile.Read(ref _escapes) != 0;

    public void AddCall() => Interlocked.Increment(ref _calls);

    public void MarkEscaped() => Interlocked.Exchange(ref _escapes, 1);

    public void AddHardCoded(int ordinal, string description, Location location)
    {
        var path = location.SourceTree?.FilePath ?? string.Empty;
        var position = location.SourceSpan.Start;
        lock (_gate)
        {
            _hardCoded[ordinal]++;
            if (_first[ordinal] is null || string.CompareOrdinal(path, _firstAt[ordinal].Path) < 0
                || (path == _firstAt[ordinal].Path && position < _firstAt[ordinal].Position))
            {
                _first[ordinal] = description;
                _firstAt[ordinal] = (path, position);
            }
        }
    }

    /// <summary>The first hard-coded value passed for the parameter, when every counted call passes one; else null.</summary>
    public string? AllHardCoded(int ordinal)
    {
        lock (_gate)
        {
            return !Escapes && Calls > 0 && ordinal < _hardCoded.Length && _hardCoded[ordinal] == Calls ? _first[ordinal] : null;
        }
    }
}
