using System;
using System.Collections.Generic;

namespace SecurityRequirements.Attestation.Json;

/// <summary>
/// A JSON object that keeps its members in document order, so that a manifest read and written
/// back keeps its bytes. Values are <see cref="JsonObject"/>, <see cref="JsonArray"/>, string,
/// <see cref="JsonNumber"/>, bool or null.
/// </summary>
public sealed class JsonObject
{
    private readonly List<KeyValuePair<string, object?>> _members = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Members => _members;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index < 0 ? null : _members[index].Value;
        return index >= 0;
    }

    /// <summary>Adds a member at the end; a key may appear once.</summary>
    public void Add(string key, object? value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"The object already has a member '{key}'.", nameof(key));
        }

        _members.Add(new KeyValuePair<string, object?>(key, value));
    }

    /// <summary>
    /// A copy with <paramref name="key"/> set to <paramref name="value"/>: replaced where it is, or
    /// inserted before the first key that sorts after it (ordinal), which keeps a sorted object sorted.
    /// </summary>
    public JsonObject With(string key, object? value)
    {
        var copy = new JsonObject();
        var placed = false;
        foreach (var member in _members)
        {
            var order = string.CompareOrdinal(member.Key, key);
            if (!placed && order >= 0)
            {
                copy._members.Add(new KeyValuePair<string, object?>(key, value));
                placed = true;
                if (order == 0)
                {
                    continue;
                }
            }

            copy._members.Add(member);
        }

        if (!placed)
        {
            copy._members.Add(new KeyValuePair<string, object?>(key, value));
        }

        return copy;
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public JsonObject Without(string key)
    {
        var copy = new JsonObject();
        foreach (var member in _members)
        {
            if (!string.Equals(member.Key, key, StringComparison.Ordinal))
            {
                copy._members.Add(member);
            }
        }

        return copy;
    }

    public string? GetString(string key) => TryGetValue(key, out var value) ? value as string : null;

    public bool? GetBoolean(string key) => TryGetValue(key, out var value) && value is bool flag ? flag : null;

    public long? GetInteger(string key) => TryGetValue(key, out var value) && value is JsonNumber number && number.TryGetInt64(out var integer) ? integer : null;

    /// <summary>The member as an object; an empty object when it is absent or not an object.</summary>
    public JsonObject GetObject(string key) => TryGetValue(key, out var value) && value is JsonObject child ? child : new JsonObject();

    /// <summary>The member as an array; an empty array when it is absent or not an array.</summary>
    public JsonArray GetArray(string key) => TryGetValue(key, out var value) && value is JsonArray array ? array : [];

    /// <summary>The strings of an array member; items that are not strings are left out.</summary>
    public IReadOnlyList<string> GetStrings(string key)
    {
        var strings = new List<string>();
        foreach (var item in GetArray(key))
        {
            if (item is string text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _members.Count; i++)
        {
            if (string.Equals(_members[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
