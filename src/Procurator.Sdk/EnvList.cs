using Procurator.Model;

namespace Procurator;

/// <summary>Env vars in declaration order; setting a key again replaces its value.</summary>
internal sealed class EnvList
{
    private readonly List<EnvDeclaration> _items = [];

    public IReadOnlyList<EnvDeclaration> Items => _items;

    public void Set(string key, string value, ScriptSite site)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _items.RemoveAll(e => e.Key == key);
        _items.Add(new EnvDeclaration(key, value, site));
    }
}
