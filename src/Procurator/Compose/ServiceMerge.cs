namespace Procurator.Compose;

/// <summary>
/// Compose's merge rules for a service over the one it extends: mappings merge by key,
/// <c>environment</c>, <c>labels</c> and the like merge by variable (the list form is read as
/// <c>KEY=VALUE</c>), sequences such as <c>ports</c>, <c>expose</c>, <c>dns</c> are concatenated
/// without duplicates, and <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c> are replaced.
/// </summary>
internal static class ServiceMerge
{
    private static readonly HashSet<string> Replaced = new(StringComparer.Ordinal) { "command", "entrypoint", "test" };
    private static readonly HashSet<string> KeyedLists = new(StringComparer.Ordinal) { "environment", "labels", "annotations", "sysctls", "args", "extra_hosts" };

    public static ComposeMap Merge(ComposeMap baseNode, ComposeMap local) => MergeMaps(baseNode, local);

    /// <summary>Rewrites the base's relative <c>build</c> context and <c>env_file</c> paths for a service in another folder.</summary>
    public static ComposeMap Rebase(ComposeMap node, string fromDirectory, string toDirectory)
    {
        string Move(string path) => path.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(path)
            ? path
            : Path.GetRelativePath(toDirectory, Path.GetFullPath(path, fromDirectory));
        ComposeNode MoveScalar(ComposeNode n) => n is ComposeScalar { Value: { } v } s ? s with { Value = Move(v) } : n;

        if (node["build"] is { } build)
        {
            node = node.With("build", build switch
            {
                ComposeScalar => MoveScalar(build),
                ComposeMap map => map.With("context", MoveScalar(map["context"] ?? new ComposeScalar(".", map.Location))),
                _ => build,
            });
        }

        if (node["env_file"] is { } envFile)
        {
            node = node.With("env_file", envFile switch
            {
                ComposeScalar => MoveScalar(envFile),
                ComposeSequence seq => seq with
                {
                    Items = seq.Items.Select(i => i is ComposeMap m && m["path"] is { } p ? m.With("path", MoveScalar(p)) : MoveScalar(i)).ToArray(),
                },
                _ => envFile,
            });
        }

        return node;
    }

    private static ComposeNode MergeValue(string key, ComposeNode baseValue, ComposeNode local)
    {
        if (Replaced.Contains(key))
        {
            return local;
        }

        if (KeyedLists.Contains(key) && (baseValue is ComposeSequence || local is ComposeSequence))
        {
            baseValue = AsMap(baseValue);
            local = AsMap(local);
        }

        if (key == "build")
        {
            baseValue = BuildMap(baseValue);
            local = BuildMap(local);
        }

        return (baseValue, local) switch
        {
            (ComposeMap b, ComposeMap l) => MergeMaps(b, l),
            (ComposeSequence b, ComposeSequence l) => l with { Items = Concat(b.Items, l.Items) },
            _ => local,
        };
    }

    private static ComposeMap MergeMaps(ComposeMap baseNode, ComposeMap local)
    {
        var entries = new List<ComposeEntry>();
        foreach (var entry in baseNode.Entries)
        {
            entries.Add(local.Find(entry.Key) is { } over ? over with { Value = MergeValue(entry.Key, entry.Value, over.Value) } : entry);
        }

        entries.AddRange(local.Entries.Where(e => baseNode.Find(e.Key) is null));
        return local with { Entries = entries };
    }

    private static ComposeNode[] Concat(IReadOnlyList<ComposeNode> first, IReadOnlyList<ComposeNode> second)
    {
        var items = first.ToList();
        foreach (var item in second)
        {
            if (item is not ComposeScalar { Value: var value } || !items.Any(i => i is ComposeScalar s && s.Value == value))
            {
                items.Add(item);
            }
        }

        return items.ToArray();
    }

    /// <summary><c>KEY=VALUE</c> (or bare <c>KEY</c>) list items as a mapping.</summary>
    private static ComposeNode AsMap(ComposeNode node)
    {
        if (node is not ComposeSequence sequence)
        {
            return node;
        }

        var entries = new List<ComposeEntry>();
        foreach (var item in sequence.Items.OfType<ComposeScalar>().Where(i => i.Value is not null))
        {
            var equals = item.Value!.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? item.Value : item.Value[..equals];
            var value = new ComposeScalar(equals < 0 ? null : item.Value[(equals + 1)..], item.Location, IsPlain: false);
            entries.RemoveAll(e => e.Key == key);
            entries.Add(new ComposeEntry(key, item.Location, value));
        }

        return new ComposeMap(entries, sequence.Location);
    }

    private static ComposeNode BuildMap(ComposeNode node) =>
        node is ComposeScalar { Value: not null } scalar ? new ComposeMap([new ComposeEntry("context", scalar.Location, scalar)], scalar.Location) : node;
}
