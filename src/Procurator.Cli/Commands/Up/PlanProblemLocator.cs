using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Rendering;
using Procurator.Supervisor.Planning;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// Places each planning problem where its project or service was declared: the script line of
/// its <c>Project(...)</c>/<c>Service(...)</c> call, or its entry in the <c>procurator.json</c> that
/// <c>up --model</c> read. A service declared only by a dependency on its kind has no line of its own.
/// </summary>
internal static class PlanProblemLocator
{
    public static IEnumerable<Diagnostic> InScript(IEnumerable<PlanProblem> problems, IReadOnlyDictionary<string, ScriptSite> sites)
    {
        var locator = new SourceLocator();
        return problems.Select(p => Diagnostic.Error(p.Code, p.Message, sites.TryGetValue(p.Subject, out var site) ? locator.Locate(site) : null));
    }

    public static IEnumerable<Diagnostic> InModelFile(IEnumerable<PlanProblem> problems, WorkspaceModel model, string file)
    {
        JsonPositions positions;
        try
        {
            positions = JsonPositions.Map(file, File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return problems.Select(p => Diagnostic.Error(p.Code, p.Message, new SourceLocation(file, 1, 1)));
        }

        return problems.Select(p => Diagnostic.Error(p.Code, p.Message, positions.At(PathOf(model, p.Subject))));
    }

    private static string PathOf(WorkspaceModel model, string subject)
    {
        for (var i = 0; i < model.Projects.Count; i++)
        {
            if (model.Projects[i].Name == subject)
            {
                return $"$.projects[{i}].name";
            }
        }

        for (var i = 0; i < model.Services.Count; i++)
        {
            if (model.Services[i].Name == subject)
            {
                return $"$.services[{i}].name";
            }
        }

        return "$";
    }
}
