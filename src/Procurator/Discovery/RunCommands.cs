using System.Text.RegularExpressions;

namespace Procurator.Discovery;

/// <summary>
/// Picks checks out of a workflow's <c>run:</c> script, conservatively: a line (or one
/// <c>&amp;&amp;</c>-joined part of it) is taken only when it is a whole, well-known test or lint
/// command (<c>npm test</c>, <c>pnpm run lint</c>, <c>cargo test</c>, <c>pytest</c>, <c>go test</c>,
/// <c>make lint</c>, …) with no pipes, redirections, variables or expressions, because anything
/// else (installs, deploys, scripts that need CI's environment) would not run the same in a dev
/// shell. A leading <c>cd DIR</c> part moves the following parts to that folder.
/// </summary>
internal static partial class RunCommands
{
    [GeneratedRegex(@"^(?:(?:npm|pnpm|yarn)\s+(?<name>test)|(?:npm|pnpm|yarn|bun)\s+run\s+(?<name>[\w:-]+)|(?:pnpm|yarn)\s+(?<name>lint|typecheck|format|fmt|check)|cargo\s+(?<name>test|clippy|fmt|check)|go\s+(?<name>test|vet)|(?:(?:poetry|uv|pdm)\s+run\s+|python3?\s+-m\s+)?(?<name>pytest)|(?:python3?\s+-m\s+|(?:poetry|uv)\s+run\s+)?(?<name>ruff|mypy|flake8|black)|(?:make|just|task)\s+(?<name>[\w:-]+)|dotnet\s+(?<name>test|format)|(?:mvn|\./mvnw)\s+(?:-\S+\s+)*(?<name>test|verify)|(?:gradle|\./gradlew)\s+(?<name>test|check)|bundle\s+exec\s+(?<name>rspec|rake)|composer\s+(?:run-script\s+)?(?<name>test))(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex KnownCommand();

    [GeneratedRegex(@"[|;<>`$()]|\$\{\{", RegexOptions.CultureInvariant)]
    private static partial Regex ShellSyntax();

    [GeneratedRegex(@"^cd\s+([\w./-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeDirectory();

    /// <summary>The checks in <paramref name="script"/>: name, command and the folder (relative to the step's) it runs in.</summary>
    public static IEnumerable<(string Name, string Command, string Directory, int LineOffset)> Checks(string script)
    {
        var lines = script.Split('\n');
        var directory = ".";
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var raw in lines[i].Split("&&"))
            {
                var part = raw.Trim();
                if (ChangeDirectory().Match(part) is { Success: true } cd)
                {
                    directory = Combine(directory, cd.Groups[1].Value);
                    continue;
                }

                if (part.Length == 0 || ShellSyntax().IsMatch(part) || KnownCommand().Match(part) is not { Success: true } match)
                {
                    continue;
                }

                var name = match.Groups["name"].Value;
                var isTask = part.StartsWith("make ", StringComparison.Ordinal) || part.StartsWith("just ", StringComparison.Ordinal)
                    || part.StartsWith("task ", StringComparison.Ordinal) || part.Contains(" run ", StringComparison.Ordinal);
                if (isTask && !CheckNames.IsCheck(name) && name is not ("pytest" or "ruff" or "mypy" or "flake8" or "black"))
                {
                    continue; // npm run build, make deploy: not checks
                }

                yield return (CheckNames.Normalize(name), part, directory, i);
            }
        }
    }

    public static string Combine(string directory, string relative)
    {
        var parts = (directory == "." ? [] : directory.Split('/')).ToList();
        foreach (var segment in relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
