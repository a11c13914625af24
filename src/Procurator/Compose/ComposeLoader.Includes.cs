using Procurator.Diagnostics;

namespace Procurator.Compose;

internal sealed partial class ComposeLoader
{
    /// <summary>
    /// The files <c>include</c> names: a path, a list of paths, or entries
    /// <c>{path, project_directory, env_file}</c>; each is interpolated with its own env files.
    /// </summary>
    private IEnumerable<ComposeDocument> Includes(ComposeDocument document, List<string> chain)
    {
        var entries = document.Root["include"] switch
        {
            null or ComposeScalar { Value: null } => [],
            ComposeSequence sequence => sequence.Items,
            var single => [single],
        };
        foreach (var entry in entries)
        {
            foreach (var (path, projectDirectory, envFiles, at) in IncludeEntry(document, entry))
            {
                var full = document.Resolve(path);
                if (chain.Contains(full, StringComparer.Ordinal))
                {
                    Error(ErrorCodes.ComposeCycle, $"include cycle: {string.Join(" -> ", chain.Append(full).Select(Path.GetFileName))}", at);
                    continue;
                }

                var variables = DotEnvFiles(full, projectDirectory is null ? null : document.Resolve(projectDirectory),
                    envFiles?.Select(f => (document.Resolve(f.Path), f.At)).ToArray());
                if (Document(full, at, variables) is { } included)
                {
                    yield return included;
                }
            }
        }
    }

    private IEnumerable<(string Path, string? ProjectDirectory, IReadOnlyList<(string Path, SourceLocation At)>? EnvFiles, SourceLocation At)> IncludeEntry(ComposeDocument document, ComposeNode entry)
    {
        switch (entry)
        {
            case ComposeScalar { Value: { } path }:
                return [(path, null, null, entry.Location)];
            case ComposeMap map:
                var paths = Strings(map["path"]);
                if (paths is null or [])
                {
                    Error(ErrorCodes.ComposeInvalidValue, "an include entry needs 'path': a file or a list of files", map.Location);
                    return [];
                }

                var projectDirectory = map["project_directory"] is ComposeScalar { Value: { } dir } ? dir : null;
                var envFiles = map["env_file"] is { } envNode
                    ? (Strings(envNode) ?? []).Select(f => (f, envNode.Location)).ToArray()
                    : null;
                return paths.Select(p => (p, projectDirectory, (IReadOnlyList<(string, SourceLocation)>?)envFiles, map.Location));
            default:
                Error(ErrorCodes.ComposeInvalidValue, $"an include entry is a path or a mapping with 'path', not {entry.Describe}", entry.Location);
                return [];
        }
    }

    /// <summary>A string or a list of strings; null when it is neither.</summary>
    internal static IReadOnlyList<string>? Strings(ComposeNode? node) => node switch
    {
        ComposeScalar { Value: { } value } => [value],
        ComposeSequence sequence when sequence.Items.All(i => i is ComposeScalar { Value: not null }) =>
            sequence.Items.Select(i => ((ComposeScalar)i).Value!).ToArray(),
        _ => null,
    };
}
