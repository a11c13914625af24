using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>
/// Resolves <c>extends</c>: the base service (same file, or <c>file</c>) is resolved first, then
/// the extending service is merged over it (<see cref="ServiceMerge"/>). A cycle is an error that
/// names its chain. The base's own <c>depends_on</c>, <c>links</c> and <c>volumes_from</c> are
/// not inherited: Compose's documentation says they are never shared through extends.
/// </summary>
internal sealed class ExtendsResolver(ComposeLoader loader, IReadOnlyDictionary<string, ServiceSource> services)
{
    private static readonly string[] NotInherited = ["depends_on", "links", "volumes_from"];
    private readonly Dictionary<(string File, string Name), ComposeMap?> _resolved = [];

    /// <summary>The service with everything it extends merged in, or null after reporting why.</summary>
    public ComposeMap? Resolve(ServiceSource source) => Resolve(source, []);

    private ComposeMap? Resolve(ServiceSource source, List<(string File, string Name)> chain)
    {
        var key = (source.Document.File, source.Name);
        if (chain.Contains(key))
        {
            var names = chain.SkipWhile(c => c != key).Append(key).Select(c => c.File == chain[0].File ? c.Name : $"{c.Name} ({Path.GetFileName(c.File)})");
            loader.Error(ErrorCodes.ComposeCycle, $"extends cycle: {string.Join(" -> ", names)}", source.Node.Find("extends")?.KeyLocation ?? source.Location);
            return null;
        }

        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        var node = source.Node;
        if (node.Find("extends") is { } extends)
        {
            var baseSource = BaseOf(source, extends);
            var resolvedBase = baseSource is null ? null : Resolve(baseSource, [.. chain, key]);
            if (resolvedBase is null)
            {
                return _resolved[key] = null;
            }

            var inherited = resolvedBase;
            foreach (var name in NotInherited.Append("extends"))
            {
                inherited = inherited.With(name, null);
            }

            if (baseSource!.Document.Directory != source.Document.Directory)
            {
                inherited = ServiceMerge.Rebase(inherited, baseSource.Document.Directory, source.Document.Directory);
            }

            node = ServiceMerge.Merge(inherited, node.With("extends", null));
        }

        return _resolved[key] = node;
    }

    private ServiceSource? BaseOf(ServiceSource source, ComposeEntry extends)
    {
        string? name;
        string? file = null;
        switch (extends.Value)
        {
            case ComposeScalar { Value: { } value }:
                name = value;
                break;
            case ComposeMap map when map["service"] is ComposeScalar { Value: { } value }:
                name = value;
                file = map["file"] is ComposeScalar { Value: { } f } ? f : null;
                break;
            default:
                loader.Error(ErrorCodes.ComposeInvalidValue, $"'extends' of service '{source.Name}' is a service name or a mapping with 'service' (and 'file')", extends.Value.Location);
                return null;
        }

        if (file is null)
        {
            if (source.Document.Root["services"] is ComposeMap own && own.Find(name) is { Value: var local } entry)
            {
                return new ServiceSource(name, entry.KeyLocation, local as ComposeMap ?? new ComposeMap([], entry.KeyLocation), source.Document);
            }

            if (services.TryGetValue(name, out var found) && found.Document == source.Document)
            {
                return found;
            }

            loader.Error(ErrorCodes.ComposeUnknownService, $"service '{source.Name}' extends '{name}', which is not a service of {Path.GetFileName(source.Document.File)}", extends.Value.Location);
            return null;
        }

        var other = loader.Document(source.Document.Resolve(file), extends.Value.Location, source.Document.Variables);
        if (other is null)
        {
            return null;
        }

        if (other.Root["services"] is ComposeMap theirs && theirs.Find(name) is { } theirEntry)
        {
            return new ServiceSource(name, theirEntry.KeyLocation, theirEntry.Value as ComposeMap ?? new ComposeMap([], theirEntry.KeyLocation), other);
        }

        loader.Error(ErrorCodes.ComposeUnknownService, $"service '{source.Name}' extends '{name}', which is not a service of {file}", extends.Value.Location);
        return null;
    }
}
