namespace Procurator.Output.Manifests;

/// <summary>
/// A YAML mapping whose keys keep the order they are added in, so a manifest reads as its
/// documentation does (<c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>). Values are
/// strings, ints, bools, <see cref="YamlMap"/>s and lists of those; null values are left out, so
/// optional fields are added unconditionally.
/// </summary>
internal sealed class YamlMap
{
    private readonly List<YamlEntry> _entries = [];
    private string? _pendingComment;

    public IReadOnlyList<YamlEntry> Entries => _entries;

    /// <summary>Adds <paramref name="key"/> unless <paramref name="value"/> is null.</summary>
    public YamlMap Add(string key, object? value)
    {
        if (value is not null)
        {
            _entries.Add(new YamlEntry(key, value, _pendingComment));
            _pendingComment = null;
        }

        return this;
    }

    /// <summary>Adds <paramref name="key"/> unless <paramref name="values"/> is empty.</summary>
    public YamlMap AddList<T>(string key, IReadOnlyCollection<T> values)
        where T : notnull => values.Count == 0 ? this : Add(key, values.Cast<object>().ToList());

    /// <summary>Adds <paramref name="key"/> unless <paramref name="map"/> has no entries.</summary>
    public YamlMap AddMap(string key, YamlMap map) => map._entries.Count == 0 ? this : Add(key, map);

    /// <summary>A comment line written above the next entry (which must follow).</summary>
    public YamlMap Comment(string text)
    {
        _pendingComment = _pendingComment is null ? text : $"{_pendingComment}\n{text}";
        return this;
    }

    /// <summary>A map of string pairs, in the order given (sort them first when order must not matter).</summary>
    public static YamlMap Of(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new YamlMap();
        foreach (var (key, value) in pairs)
        {
            map.Add(key, value);
        }

        return map;
    }

    /// <summary>The value at <paramref name="key"/>, or null.</summary>
    public object? this[string key] => _entries.FirstOrDefault(e => e.Key == key)?.Value;
}

/// <summary>One key of a <see cref="YamlMap"/>, its value, and the comment lines above it.</summary>
internal sealed record YamlEntry(string Key, object Value, string? Comment);
