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
