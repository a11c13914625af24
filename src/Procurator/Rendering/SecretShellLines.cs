using Procurator.Model;
using Procurator.Nix;

namespace Procurator.Rendering;

/// <summary>
/// What the flake says about a project's secrets: their names only. A value in the flake
/// would land in the world-readable Nix store, so the dev shell and the apps take them from the
/// caller's environment, and say so when one is missing.
/// </summary>
internal static class SecretShellLines
{
    /// <summary>Dev shell: a note for each secret the shell does not have (the shell still opens).</summary>
    public static IEnumerable<string> ShellNotes(ProjectModel project)
    {
        foreach (var secret in project.Secrets)
        {
            var note = $"{project.Name}: the secret {secret.Name} is not set in this shell; export it (procurator up also reads .env{(secret.Command is null ? "" : " and its command")})";
            yield return $"[ -n \"${{{secret.Name}+x}}\" ] || echo {ShellQuote.Single(note)} >&2";
        }
    }

    /// <summary>An app: stops before the process starts when a secret it needs is missing.</summary>
    public static IEnumerable<string> AppChecks(ProjectModel project, string appName)
    {
        foreach (var secret in project.Secrets)
        {
            var error = $"{appName}: the secret {secret.Name} is not set; export it (procurator up also reads .env{(secret.Command is null ? "" : " and its command")})";
            yield return $"if [ -z \"${{{secret.Name}+x}}\" ]; then echo {ShellQuote.Single(error)} >&2; exit 1; fi";
        }
    }
}
