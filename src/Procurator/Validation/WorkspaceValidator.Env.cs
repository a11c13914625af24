using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    /// <summary>Matches <c>^[A-Za-z_][A-Za-z0-9_]*\z</c>.</summary>
    internal static bool IsEnvKey(string key) =>
        IsWord(key, c => char.IsAsciiLetter(c) || c == '_', c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private void CheckEnv()
    {
        foreach (var project in _declarations.Projects)
        {
            CheckEnvKeys($"project '{project.Name}'", project.EnvVars);
            CheckSecrets(project);
        }

        foreach (var service in _declarations.Services)
        {
            CheckEnvKeys($"service '{service.Name}'", service.EnvVars);
        }

        // The default shell holds every project's vars namespaced: two that mangle to one name collide.
        var seen = new Dictionary<string, (string Project, EnvDeclaration Env)>(StringComparer.Ordinal);
        foreach (var project in _declarations.Projects.DistinctBy(p => p.Name))
        {
            foreach (var env in project.EnvVars)
            {
                var name = EnvNamespacing.Namespaced(project.Name, env.Key);
                if (!seen.TryAdd(name, (project.Name, env)))
                {
                    var (firstProject, firstEnv) = seen[name];
                    Error(ErrorCodes.EnvCollision,
                        $"env var {name} of composed shells would come from both project '{firstProject}' ({firstEnv.Key}, {Where(firstEnv.Site)}) and project '{project.Name}' ({env.Key}); rename one of them",
                        env.Site);
                }
            }
        }
    }

    /// <summary>A secret is a variable name of its own: not also a plain env var, whose value would be written out.</summary>
    private void CheckSecrets(ProjectBuilder project)
    {
        foreach (var secret in project.SecretList)
        {
            if (!IsEnvKey(secret.Name))
            {
                Error(ErrorCodes.InvalidSecret,
                    $"secret name '{Show(secret.Name)}' of project '{project.Name}' is not a valid shell variable name (letters, digits and '_', not starting with a digit)", secret.Site);
            }
            else if (project.EnvVars.FirstOrDefault(e => e.Key == secret.Name) is { } env)
            {
                Error(ErrorCodes.InvalidSecret,
                    $"{secret.Name} of project '{project.Name}' is both a secret and an env var ({Where(env.Site)}); a secret's value is never written, so drop the Env(...)", secret.Site);
            }

            if (secret.Command is { } command && string.IsNullOrWhiteSpace(command))
            {
                Error(ErrorCodes.InvalidSecret, $"secret {secret.Name} of project '{project.Name}' has an empty command", secret.Site);
            }
        }
    }

    private void CheckEnvKeys(string owner, IEnumerable<EnvDeclaration> vars)
    {
        foreach (var env in vars.Where(e => !IsEnvKey(e.Key)))
        {
            Error(ErrorCodes.InvalidEnvKey,
                $"env var name '{Show(env.Key)}' of {owner} is not a valid shell variable name (letters, digits and '_', not starting with a digit)",
                env.Site);
        }
    }
}
