using System.Collections.ObjectModel;
using System.Text.Json;
using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>
/// Reads <c>procurator.json</c> (as <see cref="ModelJson"/> writes it) back into the model, so
/// <c>procurator up --model</c> runs a workspace without evaluating its script. Every problem is
/// reported as <c>file(line,col): error PRO045</c> (or the code <c>run</c> gives the same problem,
/// see <c>ModelJsonReader.Checks.cs</c>); a model comes back only when there is none.
/// </summary>
internal sealed partial class ModelJsonReader
{
    private readonly JsonPositions _positions;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, string> _badRestarts = new(StringComparer.Ordinal);

    private ModelJsonReader(JsonPositions positions) => _positions = positions;

    /// <summary>Reads the file at <paramref name="path"/>; a missing file is a diagnostic too.</summary>
    public static (WorkspaceModel? Model, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [Diagnostic.Error(ErrorCodes.InvalidModelFile, $"cannot read the model file '{path}': {e.Message}", null)]);
        }

        return Read(path, bytes);
    }

    /// <summary>Reads <paramref name="utf8"/>, naming <paramref name="file"/> in diagnostics.</summary>
    public static (WorkspaceModel? Model, IReadOnlyList<Diagnostic> Diagnostics) Read(string file, byte[] utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            var at = new SourceLocation(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            return (null, [Diagnostic.Error(ErrorCodes.InvalidModelFile, $"not valid JSON: {FirstSentence(e.Message)}", at)]);
        }

        using (document)
        {
            var reader = new ModelJsonReader(JsonPositions.Map(file, utf8));
            var model = reader.Workspace(document.RootElement);
            if (model is not null && reader._diagnostics.Count == 0)
            {
                reader.Check(model);
            }

            return (reader._diagnostics.Count == 0 ? model : null, reader._diagnostics);
        }
    }

    private WorkspaceModel? Workspace(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail<WorkspaceModel>("$", "the model file holds no JSON object");
        }

        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            return Fail<WorkspaceModel>("$", "the model file has no schemaVersion; is it a procurator.json?");
        }

        if (!version.TryGetInt32(out var number) || number != ModelJson.SchemaVersion)
        {
            return Fail<WorkspaceModel>("$.schemaVersion",
                $"schemaVersion {version.GetRawText()} is not supported (this procurator reads {ModelJson.SchemaVersion}); regenerate it with `procurator run`");
        }

        var workspace = Object(root, "$", "workspace");
        var model = new WorkspaceModel(
            Name: String(workspace, "$.workspace", "name") ?? "",
            Description: OptionalString(workspace, "$.workspace", "description"),
            Nixpkgs: String(workspace, "$.workspace", "nixpkgs") ?? "",
            Systems: Strings(workspace, "$.workspace", "systems"),
            Projects: Objects(root, "$", "projects", Project),
            Services: Objects(root, "$", "services", Service),
            Externals: Objects(root, "$", "externals", (e, at) => new ExternalModel(String(e, at, "name") ?? "", String(e, at, "flakeRef") ?? "")),
            Shells: Objects(root, "$", "shells", (s, at) => new ShellModel(String(s, at, "name") ?? "", Strings(s, at, "projects"), Env(s, at))))
        {
            Teams = Objects(root, "$", "teams", (t, at) => new TeamModel(
                String(t, at, "name") ?? "", Strings(t, at, "owns"), OptionalInt(t, at, "portsFrom"), OptionalInt(t, at, "portsTo"))),
            ProcuratorFlake = workspace is { } w ? OptionalString(w, "$.workspace", "procuratorFlake") : null,
        };
        return model;
    }

    private ProjectModel Project(JsonElement project, string at) => new(
        Name: String(project, at, "name") ?? "",
        Path: String(project, at, "path") ?? "",
        Description: OptionalString(project, at, "description"),
        DependsOn: Strings(project, at, "dependsOn"),
        BuildDependsOn: Strings(project, at, "buildDependsOn"),
        Ports: Array(project, at, "ports", (p, path) => Int(p, path) ?? 0),
        Env: Env(project, at),
        Packages: Strings(project, at, "packages"),
        Processes: Objects(project, at, "processes", Process),
        HealthChecks: Objects(project, at, "healthChecks", (check, path) => HealthCheck(check, path)!),
        FlakeInput: OptionalString(project, at, "flakeInput"))
    {
        Checks = Objects(project, at, "checks", Process),
        DependencyConditions = Conditions(project, at),
        Restart = Restart(project, at),
        // Written only when a project has secrets.
        Secrets = project.TryGetProperty("secrets", out _)
            ? Objects(project, at, "secrets", (secret, path) => new SecretModel(String(secret, path, "name") ?? "", OptionalString(secret, path, "command")))
            : [],
        Image = OptionalString(project, at, "image"),
        Replicas = OptionalInt(project, at, "replicas"),
        Resources = project.TryGetProperty("resources", out var resources) && Expect(resources, $"{at}.resources", JsonValueKind.Object)
            ? new ResourceRequest(OptionalString(resources, $"{at}.resources", "cpu"), OptionalString(resources, $"{at}.resources", "memory"))
            : null,
    };

    private ProcessModel Process(JsonElement process, string at) =>
        new(String(process, at, "name") ?? "", String(process, at, "command") ?? "")
        {
            OneShot = process.TryGetProperty("oneShot", out var oneShot) && Bool(oneShot, $"{at}.oneShot"),
        };

    private ServiceModel Service(JsonElement service, string at) => new(
        Name: String(service, at, "name") ?? "",
        Kind: OptionalString(service, at, "kind"),
        Version: OptionalString(service, at, "version"),
        Port: OptionalInt(service, at, "port"),
        Env: Env(service, at),
        HealthCheck: service.TryGetProperty("healthCheck", out var check) && check.ValueKind != JsonValueKind.Null
            ? Expect(check, $"{at}.healthCheck", JsonValueKind.Object) ? HealthCheck(check, $"{at}.healthCheck") : null
            : null,
        Implicit: service.TryGetProperty("implicit", out var isImplicit) && Bool(isImplicit, $"{at}.implicit"))
    {
        Command = OptionalString(service, at, "command"),
        Database = OptionalString(service, at, "database"),
        User = OptionalString(service, at, "user"),
    };

    private HealthCheck? HealthCheck(JsonElement check, string at) => Kind(check, at) is { } kind
        ? kind with
        {
            Period = OptionalInt(check, at, "periodMs") is { } period ? TimeSpan.FromMilliseconds(period) : null,
            Timeout = OptionalInt(check, at, "timeoutMs") is { } timeout ? TimeSpan.FromMilliseconds(timeout) : null,
            Failures = OptionalInt(check, at, "failures"),
            Successes = OptionalInt(check, at, "successes"),
        }
        : null;

    private HealthCheck? Kind(JsonElement check, string at) => String(check, at, "type") switch
    {
        null => null,
        "tcp" => check.TryGetProperty("port", out var port) ? Int(port, $"{at}.port") is { } number ? new TcpHealthCheck(number) : null : Fail<HealthCheck>(at, $"{at}: missing \"port\""),
        "http" => String(check, at, "url") is { } url ? new HttpHealthCheck(url) : null,
        "exec" => String(check, at, "command") is { } command ? new ExecHealthCheck(command) : null,
        "log" => String(check, at, "pattern") is { } pattern ? new LogLineHealthCheck(pattern) : null,
        var type => Fail<HealthCheck>($"{at}.type", $"{at}.type: '{Visible.Text(type)}' is not a health check type; expected \"tcp\", \"http\", \"exec\" or \"log\""),
    };

    /// <summary>
    /// The mode named by <c>restart</c>; a name that is none is kept aside and reported with
    /// <c>run</c>'s code by <see cref="Check"/>, in the order <c>run</c> reports problems.
    /// </summary>
    private RestartMode? Restart(JsonElement project, string at)
    {
        var name = OptionalString(project, at, "restart");
        var mode = RestartModes.Parse(name);
        if (name is not null && mode is null)
        {
            _badRestarts[at] = name;
        }

        return mode;
    }

    private IReadOnlyDictionary<string, WaitFor> Conditions(JsonElement project, string at)
    {
        var conditions = new SortedDictionary<string, WaitFor>(StringComparer.Ordinal);
        if (project.TryGetProperty("dependencyConditions", out var element) && Expect(element, $"{at}.dependencyConditions", JsonValueKind.Object))
        {
            foreach (var entry in element.EnumerateObject())
            {
                var path = $"{at}.dependencyConditions.{entry.Name}";
                if (entry.Value.ValueKind == JsonValueKind.String && Enum.TryParse<WaitFor>(entry.Value.GetString(), ignoreCase: true, out var condition)
                    && entry.Value.GetString()!.All(char.IsAsciiLetterLower))
                {
                    conditions[entry.Name] = condition;
                }
                else
                {
                    Error(path, $"{path}: expected \"started\", \"ready\" or \"completed\"");
                }
            }
        }

        return conditions;
    }

    private ReadOnlyDictionary<string, string> Env(JsonElement owner, string at)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Object(owner, at, "env") is { } element)
        {
            foreach (var entry in element.EnumerateObject())
            {
                if (Expect(entry.Value, $"{at}.env.{entry.Name}", JsonValueKind.String))
                {
                    env[entry.Name] = entry.Value.GetString()!;
                }
            }
        }

        return new ReadOnlyDictionary<string, string>(env);
    }

    private JsonElement? Object(JsonElement owner, string at, string name)
    {
        if (!owner.TryGetProperty(name, out var element))
        {
            return Fail<JsonElement?>(at, $"{at}: missing \"{name}\"");
        }

        return Expect(element, $"{at}.{name}", JsonValueKind.Object) ? element : null;
    }

    private T[] Objects<T>(JsonElement owner, string at, string name, Func<JsonElement, string, T> read) =>
        Array(owner, at, name, (item, path) => Expect(item, path, JsonValueKind.Object) ? read(item, path) : default!)
            .Where(item => item is not null).ToArray();

    private string[] Strings(JsonElement? owner, string at, string name) =>
        Array(owner, at, name, (item, path) => Expect(item, path, JsonValueKind.String) ? item.GetString()! : "");

    private T[] Array<T>(JsonElement? owner, string at, string name, Func<JsonElement, string, T> read)
    {
        if (owner is not { } element)
        {
            return [];
        }

        if (!element.TryGetProperty(name, out var array))
        {
            return Fail<T[]>(at, $"{at}: missing \"{name}\"") ?? [];
        }

        return Expect(array, $"{at}.{name}", JsonValueKind.Array)
            ? array.EnumerateArray().Select((item, index) => read(item, $"{at}.{name}[{index}]")).ToArray()
            : [];
    }

    private string? String(JsonElement? owner, string at, string name)
    {
        if (owner is not { } element)
        {
            return null;
        }

        if (!element.TryGetProperty(name, out var value))
        {
            return Fail<string>(at, $"{at}: missing \"{name}\"");
        }

        return Expect(value, $"{at}.{name}", JsonValueKind.String) ? value.GetString() : null;
    }

    private string? OptionalString(JsonElement? owner, string at, string name) =>
        owner is { } element && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Expect(value, $"{at}.{name}", JsonValueKind.String) ? value.GetString() : null
            : null;

    private int? OptionalInt(JsonElement owner, string at, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Int(value, $"{at}.{name}") : null;

    private int? Int(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return Fail<int?>(at, $"{at}: expected a whole number, found {value.GetRawText()}");
    }

    private bool Bool(JsonElement value, string at) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : Fail<bool>(at, $"{at}: expected true or false, found {value.GetRawText()}");

    private bool Expect(JsonElement value, string at, JsonValueKind kind)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        var expected = kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => "a string",
        };
        Error(at, $"{at}: expected {expected}, found {value.GetRawText()}");
        return false;
    }

    private T? Fail<T>(string at, string message)
    {
        Error(at, message);
        return default;
    }

    private void Error(string at, string message) =>
        _diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidModelFile, message, _positions.At(at)));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
