using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Procurator.Model;

/// <summary>
/// A read-only map keyed by name that enumerates in ordinal key order, so output made from
/// it is deterministic. What a <see cref="SortedDictionary{TKey, TValue}"/> gives, built once
/// from a plain dictionary (see "Warm runs" in docs/ARCHITECTURE.md).
/// </summary>
internal sealed class SortedMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly Dictionary<string, TValue> _values;
    private readonly string[] _keys;

    /// <summary>Takes <paramref name="values"/> over; the caller must not change it afterwards.</summary>
    public SortedMap(Dictionary<string, TValue> values)
    {
        _values = values;
        _keys = new string[values.Count];
        values.Keys.CopyTo(_keys, 0);
        Array.Sort(_keys, StringComparer.Ordinal);
    }

    public static SortedMap<TValue> Empty { get; } = new(new Dictionary<string, TValue>(StringComparer.Ordinal));

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<TValue> Values => _keys.Select(k => _values[k]);

    public TValue this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        foreach (var key in _keys)
        {
            yield return new KeyValuePair<string, TValue>(key, _values[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
