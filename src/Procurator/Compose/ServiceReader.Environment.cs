using Procurator.Diagnostics;

namespace Procurator.Compose;

internal sealed partial class ServiceReader
{
    /// <summary>
    /// The service's environment: each <c>env_file</c> in order (later files win), then
    /// <c>environment</c> (list <c>KEY=VALUE</c> or mapping) over them. A bare <c>KEY</c> (or a null
    /// value) takes the variable from the interpolation environment, and stays null when unset.
    /// </summary>
    private IReadOnlyDictionary<string, string?> Environment()
    {
        var environment = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (path, required, at) in EnvFiles())
        {
            var full = source.Document.Resolve(path);
            var text = readFile(full);
            if (text is null)
            {
                if (required)
                {
                    Error(ErrorCodes.ComposeEnvFile, $"env file '{path}' of service '{source.Name}' was not found ({full})", at);
                }

                continue;
            }

            var before = diagnostics.Count;
            var entries = EnvFile.Parse(text, full, source.Document.Variables, diagnostics);
            if (diagnostics.Skip(before).Any(d => d.IsError))
            {
                _failed = true;
            }

            foreach (var entry in entries)
            {
                environment[entry.Key] = entry.Value ?? source.Document.Variables(entry.Key);
            }
        }

        switch (_node["environment"])
        {
            case null or ComposeScalar { Value: null }:
                break;
            case ComposeSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is not ComposeScalar { Value: { } text })
                    {
                        WrongType<string>("environment", "a list of KEY=VALUE strings", item);
                        continue;
                    }

                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    Set(environment, equals < 0 ? text : text[..equals], equals < 0 ? null : text[(equals + 1)..], item.Location);
                }

                break;
            case ComposeMap map:
                foreach (var entry in map.Entries)
                {
                    var value = entry.Value as ComposeScalar ?? WrongType<ComposeScalar>($"environment.{entry.Key}", "a string, number or boolean", entry.Value);
                    Set(environment, entry.Key, value?.Value, entry.KeyLocation);
                }

                break;
            case var other:
                WrongType<string>("environment", "a list or a mapping", other);
                break;
        }

        return environment;
    }

    private void Set(SortedDictionary<string, string?> environment, string key, string? value, SourceLocation at)
    {
        if (key.Length == 0 || key.Any(char.IsWhiteSpace))
        {
            Error(ErrorCodes.ComposeInvalidValue, $"'{key}' is not an environment variable name", at);
            return;
        }

        environment[key] = value ?? source.Document.Variables(key);
    }

    /// <summary><c>env_file</c>: a path, a list of paths, or a list of <c>{path, required, format}</c>; paths relative to the compose file.</summary>
    private IEnumerable<(string Path, bool Required, SourceLocation At)> EnvFiles()
    {
        var items = _node["env_file"] switch
        {
            ComposeScalar { Value: not null } single => [single],
            var node => Items("env_file"),
        };
        foreach (var item in items)
        {
            switch (item)
            {
                case ComposeScalar { Value: { } path }:
                    yield return (path, true, item.Location);
                    break;
                case ComposeMap map when map["path"] is ComposeScalar { Value: { } path }:
                    var required = map["required"] is ComposeScalar r ? r.AsBoolean() : true;
                    if (required is null)
                    {
                        Error(ErrorCodes.ComposeInvalidValue, "env_file required is true or false", map["required"]!.Location);
                    }

                    yield return (path, required ?? true, item.Location);
                    break;
                default:
                    WrongType<string>("env_file", "a path or a mapping with 'path'", item);
                    break;
            }
        }
    }
}
