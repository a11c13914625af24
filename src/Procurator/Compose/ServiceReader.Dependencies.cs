using Procurator.Diagnostics;

namespace Procurator.Compose;

internal sealed partial class ServiceReader
{
    private static readonly string[] Conditions = [ComposeDependency.Started, ComposeDependency.Healthy, ComposeDependency.CompletedSuccessfully];

    /// <summary>
    /// <c>depends_on</c> in its list or mapping form, then the dependencies <c>links</c>,
    /// <c>volumes_from</c> and <c>service:</c> modes imply (started, required); sorted by name.
    /// </summary>
    private IReadOnlyList<ComposeDependency> Dependencies()
    {
        var dependencies = new Dictionary<string, ComposeDependency>(StringComparer.Ordinal);
        foreach (var (name, condition, required, at) in DependsOn())
        {
            if (dependencies.TryAdd(name, new ComposeDependency(name, condition, required)))
            {
                _references.Add(new Reference("depends on", name, at));
            }
        }

        foreach (var (how, name, at) in ImpliedDependencies())
        {
            if (dependencies.TryAdd(name, new ComposeDependency(name, ComposeDependency.Started, Required: true)))
            {
                _references.Add(new Reference(how, name, at));
            }
        }

        return dependencies.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    private IEnumerable<(string Name, string Condition, bool Required, SourceLocation At)> DependsOn()
    {
        switch (_node["depends_on"])
        {
            case null or ComposeScalar { Value: null }:
                break;
            case ComposeSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is ComposeScalar { Value: { } name })
                    {
                        yield return (name, ComposeDependency.Started, true, item.Location);
                    }
                    else
                    {
                        WrongType<string>("depends_on", "a list of service names", item);
                    }
                }

                break;
            case ComposeMap map:
                foreach (var entry in map.Entries)
                {
                    if (LongDependency(entry) is { } dependency)
                    {
                        yield return (entry.Key, dependency.Condition, dependency.Required, entry.KeyLocation);
                    }
                }

                break;
            case var other:
                WrongType<string>("depends_on", "a list or a mapping", other);
                break;
        }
    }

    private (string Condition, bool Required)? LongDependency(ComposeEntry entry)
    {
        if (entry.Value is ComposeScalar { Value: null })
        {
            return (ComposeDependency.Started, true);
        }

        if (entry.Value is not ComposeMap options)
        {
            return WrongType<(string, bool)?>($"depends_on.{entry.Key}", "a mapping with 'condition'", entry.Value);
        }

        var condition = Text(options["condition"], "condition") ?? ComposeDependency.Started;
        if (!Conditions.Contains(condition, StringComparer.Ordinal))
        {
            Error(ErrorCodes.ComposeInvalidValue, $"unknown depends_on condition '{condition}' ({string.Join(", ", Conditions)})", options["condition"]!.Location);
        }

        var required = true;
        if (options["required"] is ComposeScalar requiredNode and { Value: not null })
        {
            if (requiredNode.AsBoolean() is { } value)
            {
                required = value;
            }
            else
            {
                Error(ErrorCodes.ComposeInvalidValue, $"depends_on required '{requiredNode.Value}' is not true or false", requiredNode.Location);
            }
        }

        return (condition, required);
    }

    private IEnumerable<(string How, string Name, SourceLocation At)> ImpliedDependencies()
    {
        foreach (var link in Items("links"))
        {
            if (link is ComposeScalar { Value: { } text })
            {
                yield return ("links to", text.Split(':')[0], link.Location);
            }
        }

        foreach (var key in new[] { "network_mode", "pid", "ipc" })
        {
            if (_node[key] is ComposeScalar { Value: { } mode } node && mode.StartsWith("service:", StringComparison.Ordinal))
            {
                yield return ($"takes its {key} from", mode["service:".Length..], node.Location);
            }
        }

        foreach (var item in Items("volumes_from"))
        {
            if (item is not ComposeScalar { Value: { } text } || text.StartsWith("container:", StringComparison.Ordinal))
            {
                continue;
            }

            var name = text.StartsWith("service:", StringComparison.Ordinal) ? text["service:".Length..] : text;
            yield return ("takes volumes from", name.Split(':')[0], item.Location);
        }
    }
}
