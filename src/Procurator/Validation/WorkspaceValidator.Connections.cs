using Procurator.Connections;
using Procurator.Diagnostics;
using Procurator.Kinds;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    /// <summary>Postgres and MySQL both accept this unquoted, so the presets can create it safely.</summary>
    private const int MaxConnectionNameLength = 63;

    /// <summary><c>Database(...)</c> and <c>User(...)</c> fit the kind; every <c>${service.part}</c> names something real.</summary>
    private void CheckConnections()
    {
        foreach (var service in _declarations.Services)
        {
            var kindName = MergedKind(service.Name);
            CheckConnectionSetting(service, "database", service.DatabaseSetting, kindName, k => k.TakesDatabase);
            CheckConnectionSetting(service, "user", service.UserSetting, kindName, k => k.TakesUser);
        }

        foreach (var project in _declarations.Projects)
        {
            foreach (var env in project.EnvVars)
            {
                if (!env.Value.Contains("${", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var reference in ConnectionReference.FindAll(env.Value))
                {
                    if (ReferenceProblem(reference) is { } problem)
                    {
                        Error(ErrorCodes.UnknownConnectionReference,
                            $"env var {env.Key} of project '{project.Name}' refers to ${{{reference.Service}.{reference.PartName}}}: {problem}", env.Site);
                    }
                }
            }
        }
    }

    private void CheckConnectionSetting(ServiceBuilder service, string setting, Located<string>? value, string? kindName, Func<KindConnection, bool> takes)
    {
        if (value is null)
        {
            return;
        }

        if (ServiceKindCatalogue.Find(kindName)?.Connection is not { } connection || !takes(connection))
        {
            var kinds = string.Join(", ", ServiceKindCatalogue.All.Where(k => takes(k.Connection)).Select(k => k.Name));
            Error(ErrorCodes.InvalidConnectionSetting,
                $"service '{service.Name}' ({(kindName is null ? "no kind" : $"kind {kindName}")}) has no {setting} to name; {kinds} do", value.Site);
        }
        else if (!IsConnectionName(value.Value))
        {
            Error(ErrorCodes.InvalidConnectionSetting,
                $"service '{service.Name}' has the {setting} name '{Show(value.Value)}'; use a letter or _ first, then letters, digits or _ (at most {MaxConnectionNameLength})", value.Site);
        }
    }

    private string? ReferenceProblem(ConnectionReference reference)
    {
        if (_names.KindOf(reference.Service) != TargetKind.Service)
        {
            var what = _names.KindOf(reference.Service) is { } other ? $"'{reference.Service}' is a {NameTable.Describe(other)}, not a service" : $"no service '{reference.Service}' is declared";
            var services = _declarations.Services.Select(s => s.Name).Concat(_names.ImplicitServices.Keys);
            return $"{what}{Suggestions.DidYouMean(reference.Service, services)}";
        }

        if (reference.Part is not { } part)
        {
            return $"'{reference.PartName}' is not a part of a connection; use host, port, url, user or database";
        }

        var kindName = MergedKind(reference.Service);
        var connection = ServiceKindCatalogue.Find(kindName)?.Connection;
        return part switch
        {
            ConnectionPart.Url when connection?.Url is null => $"service '{reference.Service}' has {(kindName is null ? "no kind" : $"the kind {kindName}, which has no URL")}; use its host and port",
            ConnectionPart.User when connection?.DefaultUser is null => $"service '{reference.Service}' has no user",
            ConnectionPart.Database when connection?.DefaultDatabase is null && !HasDatabase(reference.Service) => $"service '{reference.Service}' names no database",
            _ => null,
        };
    }

    /// <summary>The kind a service ends up with: the last one declared, else its name when that is a kind (as the resolver does).</summary>
    private string? MergedKind(string serviceName)
    {
        string? kind = null;
        foreach (var service in _declarations.Services)
        {
            if (service.Name == serviceName && service.KindSetting is { } setting)
            {
                kind = setting.Value;
            }
        }

        return kind ?? (ServiceKinds.IsKnown(serviceName) ? serviceName : null);
    }

    private bool HasDatabase(string serviceName) =>
        _declarations.Services.Any(s => s.Name == serviceName && s.DatabaseSetting is not null);

    private static bool IsConnectionName(string name) =>
        name.Length <= MaxConnectionNameLength && IsWord(name, c => char.IsAsciiLetter(c) || c == '_', c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
