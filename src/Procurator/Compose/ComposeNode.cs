using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>
/// A YAML node of a compose file after anchors, aliases, merge keys and interpolation: every
/// scalar is kept as text (YAML 1.1 would read <c>56:56</c> as a number), with where it was written.
/// </summary>
internal abstract record ComposeNode(SourceLocation Location)
{
    /// <summary>What the node is, for messages: "a string", "a mapping", "a list".</summary>
    public abstract string Describe { get; }
}

/// <summary>A scalar; <see cref="Value"/> is null for YAML null (<c>~</c>, <c>null</c> or nothing), never for a quoted string.</summary>
internal sealed record ComposeScalar(string? Value, SourceLocation Location, bool IsPlain = true) : ComposeNode(Location)
{
    public override string Describe => Value is null ? "null" : "a string";

    /// <summary>A YAML 1.1 / 1.2 boolean written plain (<c>true</c>, <c>no</c>, …), or null.</summary>
    public bool? AsBoolean() => !IsPlain || Value is null ? null : Value.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "y" => true,
        "false" or "no" or "off" or "n" => false,
        _ => null,
    };
}

/// <summary>One <c>key: value</c> of a mapping.</summary>
internal sealed record ComposeEntry(string Key, SourceLocation KeyLocation, ComposeNode Value);

/// <summary>A mapping, its entries in file order (merge keys already applied).</summary>
internal sealed record ComposeMap(IReadOnlyList<ComposeEntry> Entries, SourceLocation Location) : ComposeNode(Location)
{
    public override string Describe => "a mapping";

    public ComposeEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);

    public ComposeNode? this[string key] => Find(key)?.Value;

    public ComposeMap With(string key, ComposeNode? value)
    {
        var entries = Entries.Where(e => e.Key != key).ToList();
        if (value is not null)
        {
            entries.Add(new ComposeEntry(key, Find(key)?.KeyLocation ?? value.Location, value));
        }

        return this with { Entries = entries };
    }
}

/// <summary>A sequence, its items in file order.</summary>
internal sealed record ComposeSequence(IReadOnlyList<ComposeNode> Items, SourceLocation Location) : ComposeNode(Location)
{
    public override string Describe => "a list";
}
