using System.Diagnostics;
using System.Globalization;
using Procurator.Connections;
using Procurator.Diagnostics;
using Procurator.Model;
using Procurator.Supervisor.Control;
using Procurator.Supervisor.Planning.Presets;
using Procurator.Supervisor.Planning.Secrets;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Planning;

/// <summary>
/// Turns the workspace model into the units <c>procurator up</c> runs. A project with one
/// process (or task) is one unit named like the project; with several, each is
/// <c>project:process</c>. A dependency on a project means all of its units; a project
/// without processes passes its own dependencies through.
/// </summary>
internal sealed partial class UnitPlanner
{
    private readonly WorkspaceModel _model;
    private readonly string _workspaceDirectory;
    private readonly StatePaths _state;
    private readonly BinaryLocator _binaries;
    private readonly bool _runningAsRoot;
    private readonly List<PlanProblem> _errors = [];
    private readonly List<string> _notes = [];
    private readonly List<PreparedDirectory> _directories = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _unitsByName = new(StringComparer.Ordinal);
    private readonly ConnectionEnv _connections;
    private readonly ISecretSource _secrets;

    private UnitPlanner(WorkspaceModel model, string workspaceDirectory, StatePaths state, BinaryLocator binaries, bool runningAsRoot, ISecretSource secrets)
    {
        _secrets = secrets;
        _model = model;
        _workspaceDirectory = workspaceDirectory;
        _state = state;
        _binaries = binaries;
        _runningAsRoot = runningAsRoot;
        _connections = ConnectionEnv.Local(model);
    }

    /// <summary>
    /// Plans every unit of <paramref name="model"/>, whose script sits in <paramref name="workspaceDirectory"/>;
    /// services keep their data under <paramref name="state"/>.
    /// </summary>
    public static UnitPlan Plan(WorkspaceModel model, string workspaceDirectory, StatePaths state) =>
        Plan(model, workspaceDirectory, state, BinaryLocator.FromEnvironment(), IsRoot(), SecretSource.FromEnvironment());

    internal static UnitPlan Plan(WorkspaceModel model, string workspaceDirectory, StatePaths state, BinaryLocator binaries, bool runningAsRoot, ISecretSource? secrets = null) =>
        new UnitPlanner(model, Path.GetFullPath(workspaceDirectory), state, binaries, runningAsRoot, secrets ?? SecretSource.FromEnvironment()).Build();

    // Environment.UserName reads the effective user's passwd entry; uid 0 is always named root.
    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private UnitPlan Build()
    {
        foreach (var service in _model.Services)
        {
            _unitsByName[service.Name] = [service.Name];
        }

        foreach (var project in _model.Projects)
        {
            _unitsByName[project.Name] = project.Processes.Select(p => UnitName(project, p)).ToArray();
        }

        var units = _model.Services.Select(PlanService)
            .Concat(_model.Projects.SelectMany(PlanProject))
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .ToArray();
        return new UnitPlan(MarkBlocked(units), _directories, _errors, _notes, _unitsByName);
    }

    private static string UnitName(ProjectModel project, ProcessModel process) =>
        project.Processes.Count == 1 ? project.Name : $"{project.Name}:{process.Name}";

    private UnitSpec PlanService(ServiceModel service)
    {
        var port = service.Port;
        var dataDirectory = _state.Data(service.Name);
        var env = WithPort(service.Env, port);
        CommandSpec command;
        Probe? readiness;
        var startupTimeout = UnitSpec.DefaultStartupTimeout;
        if (service.Command is { } shell)
        {
            command = CommandSpec.Shell(shell, _workspaceDirectory, env);
            readiness = port is { } p ? new TcpProbe("127.0.0.1", p) : null;
        }
        else if (ServicePresets.For(service.Kind) is { } preset && port is { } presetPort)
        {
            var result = preset.Plan(service, presetPort, dataDirectory, _binaries, _runningAsRoot);
            if (result.Error is { } error)
            {
                return Block(service, ErrorCodes.PresetUnavailable, error);
            }

            command = result.Command!;
            readiness = result.Readiness;
            startupTimeout = result.StartupTimeout ?? startupTimeout;
            if (result.DataDirectory is { } directory)
            {
                _directories.Add(directory);
            }

            if (result.Note is { } note)
            {
                _notes.Add(note);
            }
        }
        else
        {
            var kind = service.Kind is null ? "it has no kind" : $"kind '{service.Kind}' has no built-in preset ({ServicePresets.KindsWithOne()})";
            return Block(service, ErrorCodes.NoWayToRun, $"service '{service.Name}': {kind}; give it a command, e.g. Service(\"{service.Name}\").Command(\"…\")");
        }

        var explicitCheck = service.HealthCheck is { } check ? ToProbe(check, _workspaceDirectory, env) : null;
        return new UnitSpec(service.Name, UnitRole.Service, command, [], explicitCheck ?? readiness, Liveness(explicitCheck, service.HealthCheck),
            RestartPolicy.DefaultFor(UnitRole.Service), startupTimeout, UnitSpec.DefaultStopGracePeriod,
            port is { } listening ? [listening] : []);
    }

    private IEnumerable<UnitSpec> PlanProject(ProjectModel project)
    {
        var directory = Path.GetFullPath(Path.Combine(_workspaceDirectory, project.Path));
        var dependencies = Dependencies(project).ToArray();
        var env = _connections.Unsorted(project);
        if (project.Ports.Count == 1)
        {
            env.TryAdd("PORT", project.Ports[0].ToString(CultureInfo.InvariantCulture));
        }

        var secretValues = new List<string>();
        foreach (var secret in project.Secrets)
        {
            var read = _secrets.Read(secret, _workspaceDirectory);
            if (read.Value is { } value)
            {
                env[secret.Name] = value;
                secretValues.Add(value);
            }
            else
            {
                _errors.Add(new(ErrorCodes.MissingSecret, project.Name, $"project '{project.Name}': {read.Missing}", ProblemScope.Unit));
            }
        }

        var explicitCheck = project.HealthChecks.Count > 0 ? ToProbe(project.HealthChecks[0], directory, env) : null;
        var readiness = explicitCheck ?? (project.Ports.Count > 0 ? new TcpProbe("127.0.0.1", project.Ports[0]) : null);
        var tasks = project.Processes.Where(p => p.OneShot).Select(p => new UnitDependency(UnitName(project, p), DependencyCondition.CompletedSuccessfully)).ToArray();
        foreach (var process in project.Processes)
        {
            var role = process.OneShot ? UnitRole.Task : UnitRole.Service;
            // A project's long-running processes start after its own tasks (migrations) succeed.
            var own = process.OneShot ? [] : tasks;
            yield return new UnitSpec(UnitName(project, process), role, CommandSpec.Shell(process.Command, directory, env),
                dependencies.Concat(own).ToArray(),
                process.OneShot ? null : readiness,
                process.OneShot ? null : Liveness(explicitCheck, project.HealthChecks.FirstOrDefault()),
                process.OneShot ? RestartPolicy.DefaultFor(role) : RestartPolicy.For(project.Restart ?? RestartMode.OnFailure), UnitSpec.DefaultStartupTimeout, UnitSpec.DefaultStopGracePeriod,
                process.OneShot ? [] : project.Ports)
            {
                Secrets = secretValues,
            };
        }
    }

    /// <summary>The units a project waits for, with their conditions; projects without processes pass theirs through.</summary>
    private IEnumerable<UnitDependency> Dependencies(ProjectModel project, HashSet<string>? seen = null)
    {
        seen ??= new HashSet<string>(StringComparer.Ordinal) { project.Name };
        foreach (var name in project.DependsOn)
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var condition = project.DependencyConditions.TryGetValue(name, out var c) ? c : WaitFor.Ready;
            if (_model.Services.Any(s => s.Name == name))
            {
                if (condition == WaitFor.Completed)
                {
                    _errors.Add(new(ErrorCodes.NeverCompletes, project.Name,
                        $"project '{project.Name}' waits for service '{name}' to complete, but a service runs until stopped; use WaitFor.Ready or WaitFor.Started"));
                }

                yield return new UnitDependency(name, condition == WaitFor.Started ? DependencyCondition.Started : DependencyCondition.Ready);
            }
            else if (_model.Projects.FirstOrDefault(p => p.Name == name) is { } dependency)
            {
                if (dependency.Processes.Count == 0)
                {
                    foreach (var inherited in Dependencies(dependency, seen))
                    {
                        yield return inherited;
                    }

                    continue;
                }

                foreach (var process in dependency.Processes)
                {
                    yield return new UnitDependency(UnitName(dependency, process), Condition(project, dependency, process, condition));
                }
            }

            // Externals live in other repositories and are not run here.
        }
    }

    private DependencyCondition Condition(ProjectModel project, ProjectModel dependency, ProcessModel process, WaitFor condition)
    {
        if (condition == WaitFor.Started)
        {
            return DependencyCondition.Started;
        }

        if (process.OneShot)
        {
            return DependencyCondition.CompletedSuccessfully;
        }

        if (condition == WaitFor.Completed)
        {
            _errors.Add(new(ErrorCodes.NeverCompletes, project.Name,
                $"project '{project.Name}' waits for '{dependency.Name}' to complete, but its process '{process.Name}' runs until stopped; declare the one-shot work with Task(...)"));
        }

        return DependencyCondition.Ready;
    }

    private static SortedDictionary<string, string> WithPort(IReadOnlyDictionary<string, string> env, int? port)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (port is { } p)
        {
            result["PORT"] = p.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in env)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>The one mapping from the script's health checks to the manager's probes.</summary>
    private static Probe ToProbe(HealthCheck check, string directory, IReadOnlyDictionary<string, string> env)
    {
        var probe = Kind(check, directory, env);
        return probe with
        {
            Period = check.Period ?? probe.Period,
            Timeout = check.Timeout ?? probe.Timeout,
            FailureThreshold = check.Failures ?? probe.FailureThreshold,
            SuccessThreshold = check.Successes ?? probe.SuccessThreshold,
        };
    }

    private static Probe Kind(HealthCheck check, string directory, IReadOnlyDictionary<string, string> env) => check switch
    {
        TcpHealthCheck tcp => new TcpProbe("127.0.0.1", tcp.Port),
        HttpHealthCheck http => new HttpProbe(http.Url),
        ExecHealthCheck exec => new ExecProbe(CommandSpec.Shell(exec.Command, directory, env)),
        LogLineHealthCheck log => new LogLineProbe(log.Pattern),
        _ => throw new UnreachableException($"health check type {check.Type}"),
    };

    /// <summary>The liveness period when the script sets none: calmer than readiness.</summary>
    private static readonly TimeSpan DefaultLivenessPeriod = TimeSpan.FromSeconds(2);

    /// <summary>An explicit health check also watches the running unit, at its own period or a calmer default.</summary>
    private static Probe? Liveness(Probe? explicitCheck, HealthCheck? check) =>
        explicitCheck is null or LogLineProbe ? null
        : explicitCheck with { Period = check?.Period ?? DefaultLivenessPeriod, InitialDelay = TimeSpan.Zero };
}
