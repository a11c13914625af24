using System.Text.RegularExpressions;
using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>
/// Loads a compose file into a <see cref="ComposeProject"/>: reads <c>.env</c>, parses and
/// interpolates the YAML, follows <c>include</c> and <c>extends</c>, reads every service, checks
/// that dependencies name services and form no cycle. Problems are diagnostics, never exceptions.
/// </summary>
/// <example><code>var result = ComposeLoader.Load("compose.yaml", ComposeLoadOptions.FromDisk(ComposeLoadOptions.ProcessEnvironment()));</code></example>
internal sealed partial class ComposeLoader
{
    [GeneratedRegex("^[a-zA-Z0-9._-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNamePattern();

    private readonly ComposeLoadOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, ComposeDocument?> _documents = new(StringComparer.Ordinal);

    private ComposeLoader(ComposeLoadOptions options) => _options = options;

    /// <summary>Loads the compose file at <paramref name="path"/>.</summary>
    public static ComposeLoadResult Load(string path, ComposeLoadOptions options)
    {
        try
        {
            return LoadFile(path, options);
        }
        catch (IO.UnreadableFileException exception)
        {
            return Unreadable(exception);
        }
    }

    // The compose file or one it names (env_file, include, extends) is a FIFO, a device or too large.
    private static ComposeLoadResult Unreadable(IO.UnreadableFileException exception) =>
        new(null, [Diagnostic.Error(ErrorCodes.UnsupportedFile, $"{exception.Path} {exception.Reason}; it was not read", new SourceLocation(exception.Path, 1, 1))]);

    private static ComposeLoadResult LoadFile(string path, ComposeLoadOptions options)
    {
        var full = Path.GetFullPath(path);
        var text = options.ReadFile(full);
        if (text is null)
        {
            return new ComposeLoadResult(null, [Diagnostic.Error(ErrorCodes.ComposeFileNotFound, $"compose file '{path}' was not found", null)]);
        }

        return LoadText(text, full, options);
    }

    /// <summary>Loads <paramref name="text"/> as if read from <paramref name="path"/> (relative files are found beside it).</summary>
    public static ComposeLoadResult LoadText(string text, string path, ComposeLoadOptions options)
    {
        var loader = new ComposeLoader(options);
        ComposeProject? project;
        try
        {
            project = loader.Run(text, Path.GetFullPath(path));
        }
        catch (IO.UnreadableFileException exception)
        {
            return Unreadable(exception);
        }

        var diagnostics = loader._diagnostics.Distinct().ToArray();
        return new ComposeLoadResult(diagnostics.Any(d => d.IsError) ? null : project, diagnostics);
    }

    private ComposeProject? Run(string text, string path)
    {
        // 1. The file itself, interpolated with the process environment and the .env beside it.
        var document = Parse(text, path, DotEnvFiles(path, null, null));
        if (document is null)
        {
            return null;
        }

        // 2. Its services and those of the files it includes.
        var sources = new Dictionary<string, ServiceSource>(StringComparer.Ordinal);
        CollectServices(document, sources, [path]);

        // 3. Each service with what it extends merged in, then read into the model.
        var extends = new ExtendsResolver(this, sources);
        var services = new List<ComposeService>();
        var references = new List<(ComposeService Service, ServiceReader.Reference Reference)>();
        foreach (var source in sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (extends.Resolve(source) is not { } node)
            {
                continue;
            }

            var reader = new ServiceReader(source with { Node = node }, _options.ReadFile, _diagnostics);
            if (reader.Read() is { } service)
            {
                services.Add(service);
                references.AddRange(reader.References.Select(r => (service, r)));
            }
        }

        // 4. Dependencies name services, and form no cycle.
        CheckReferences(references, sources.Keys);
        DependencyCycles.Report(services, references.ToDictionary(r => (r.Service.Name, r.Reference.Name), r => r.Reference.Location), _diagnostics);
        return new ComposeProject(path, services);
    }

    /// <summary>Parses a file (once per path); null after reporting why.</summary>
    internal ComposeDocument? Document(string path, SourceLocation? requestedAt, Func<string, string?> variables)
    {
        if (_documents.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var text = _options.ReadFile(path);
        if (text is null)
        {
            Error(ErrorCodes.ComposeFileNotFound, $"compose file '{path}' was not found", requestedAt);
            _documents[path] = null;
            return null;
        }

        return _documents[path] = Parse(text, path, variables);
    }

    internal void Error(string code, string message, SourceLocation? at) => _diagnostics.Add(Diagnostic.Error(code, message, at));

    private ComposeDocument? Parse(string text, string path, Func<string, string?> variables)
    {
        var interpolator = new Interpolator(variables, _diagnostics);
        var root = YamlReader.Read(text, path, interpolator.Apply, _diagnostics);
        if (root is not ComposeMap map)
        {
            if (root is not null || !_diagnostics.Any(d => d.IsError))
            {
                Error(ErrorCodes.ComposeSyntax, "a compose file is a mapping with 'services'", root?.Location ?? new SourceLocation(path, 1, 1));
            }

            return null;
        }

        var document = new ComposeDocument(path, map, variables);
        _documents[path] = document;
        return document;
    }

    /// <summary>Variables for a file: the process environment wins over the env files (default: <c>.env</c> in its project folder).</summary>
    private Func<string, string?> DotEnvFiles(string composeFile, string? projectDirectory, IReadOnlyList<(string Path, SourceLocation At)>? envFiles)
    {
        var directory = projectDirectory ?? Path.GetDirectoryName(composeFile) ?? ".";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Environment(string name) => _options.Environment.TryGetValue(name, out var v) ? v : null;
        foreach (var (file, at) in envFiles ?? [(Path.Combine(directory, ".env"), new SourceLocation(composeFile, 1, 1))])
        {
            var text = _options.ReadFile(file);
            if (text is null)
            {
                if (envFiles is not null)
                {
                    Error(ErrorCodes.ComposeEnvFile, $"env file '{file}' was not found", at);
                }

                continue;
            }

            foreach (var entry in EnvFile.Parse(text, file, name => Environment(name) ?? values.GetValueOrDefault(name), _diagnostics))
            {
                if (entry.Value is not null)
                {
                    values[entry.Key] = entry.Value;
                }
            }
        }

        return name => Environment(name) ?? values.GetValueOrDefault(name);
    }

    private void CollectServices(ComposeDocument document, Dictionary<string, ServiceSource> sources, List<string> includeChain)
    {
        foreach (var included in Includes(document, includeChain))
        {
            var before = sources.Keys.ToHashSet(StringComparer.Ordinal);
            var fromInclude = new Dictionary<string, ServiceSource>(StringComparer.Ordinal);
            CollectServices(included, fromInclude, [.. includeChain, included.File]);
            foreach (var (name, source) in fromInclude)
            {
                if (before.Contains(name))
                {
                    Error(ErrorCodes.ComposeConflict, $"service '{name}' is defined by both {sources[name].Document.File} and {included.File}", source.Location);
                    continue;
                }

                sources[name] = source;
            }
        }

        switch (document.Root["services"])
        {
            case null or ComposeScalar { Value: null }:
                break;
            case ComposeMap services:
                foreach (var entry in services.Entries.Where(e => !e.Key.StartsWith("x-", StringComparison.Ordinal)))
                {
                    AddService(document, entry, sources);
                }

                break;
            case var other:
                Error(ErrorCodes.ComposeInvalidValue, $"'services' must be a mapping of service names to services, not {other.Describe}", other.Location);
                break;
        }
    }

    private void AddService(ComposeDocument document, ComposeEntry entry, Dictionary<string, ServiceSource> sources)
    {
        if (!ServiceNamePattern().IsMatch(entry.Key))
        {
            Error(ErrorCodes.ComposeInvalidValue, $"invalid service name '{entry.Key}': use letters, digits, '.', '_' and '-'", entry.KeyLocation);
            return;
        }

        var node = entry.Value switch
        {
            ComposeMap map => map,
            ComposeScalar { Value: null } => new ComposeMap([], entry.KeyLocation),
            _ => null,
        };
        if (node is null)
        {
            Error(ErrorCodes.ComposeInvalidValue, $"service '{entry.Key}' must be a mapping, not {entry.Value.Describe}", entry.Value.Location);
            return;
        }

        if (sources.TryGetValue(entry.Key, out var included))
        {
            Error(ErrorCodes.ComposeConflict, $"service '{entry.Key}' is also defined by the included file {included.Document.File}", entry.KeyLocation);
            return;
        }

        sources[entry.Key] = new ServiceSource(entry.Key, entry.KeyLocation, node, document);
    }

    private void CheckReferences(IEnumerable<(ComposeService Service, ServiceReader.Reference Reference)> references, IEnumerable<string> names)
    {
        var known = names.ToArray();
        foreach (var (service, reference) in references.Where(r => !known.Contains(r.Reference.Name, StringComparer.Ordinal)))
        {
            Error(ErrorCodes.ComposeUnknownService,
                $"service '{service.Name}' {reference.How} '{reference.Name}', which is not a service of this file{Model.Suggestions.DidYouMean(reference.Name, known)}",
                reference.Location);
        }
    }
}
