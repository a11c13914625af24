using Procurator.Connections;
using Procurator.Model;

namespace Procurator.Rendering;

/// <summary>
/// The model as JSON: <c>procurator.json</c> beside the flake and <c>eval --json</c>.
/// Written field by field so the shape is the documented one, sorted and byte-stable.
/// </summary>
internal static class ModelJson
{
    public const int SchemaVersion = 1;

    public static string Serialize(WorkspaceModel model)
    {
        var json = new JsonStringWriter();
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("workspace");
        json.WriteString("name", model.Name);
        json.WriteString("description", model.Description);
        json.WriteString("nixpkgs", model.Nixpkgs);
        json.WriteStrings("systems", model.Systems);
        json.WriteString("procuratorFlake", model.ProcuratorFlake);
        json.WriteEndObject();
        var connections = ConnectionEnv.Local(model);
        WriteArray(json, "projects", model.Projects, (w, p) => WriteProject(w, p, connections));
        WriteArray(json, "services", model.Services, WriteService);
        WriteArray(json, "externals", model.Externals, (w, e) =>
        {
            w.WriteString("name", e.Name);
            w.WriteString("flakeRef", e.FlakeRef);
        });
        WriteArray(json, "shells", model.Shells, (w, s) =>
        {
            w.WriteString("name", s.Name);
            w.WriteStrings("projects", s.Projects);
            WriteEnv(w, s.Env);
        });
        WriteArray(json, "teams", model.Teams, (w, t) =>
        {
            w.WriteString("name", t.Name);
            w.WriteStrings("owns", t.Owns);
            WriteOptionalNumber(w, "portsFrom", t.PortsFrom);
            WriteOptionalNumber(w, "portsTo", t.PortsTo);
        });
        json.WriteEndObject();
        return json.ToString() + "\n";
    }

    private static void WriteProject(JsonStringWriter json, ProjectModel project, ConnectionEnv connections)
    {
        json.WriteString("name", project.Name);
        json.WriteString("path", project.Path);
        json.WriteString("description", project.Description);
        json.WriteStrings("dependsOn", project.DependsOn);
        json.WriteStrings("buildDependsOn", project.BuildDependsOn);
        json.WriteStartArray("ports");
        foreach (var port in project.Ports)
        {
            json.WriteNumberValue(port);
        }

        json.WriteEndArray();
        WriteEnv(json, project.Env);
        // What its processes get (dependencies' connection info, references filled in), when that is more than env:
        // read by people and tools, not by procurator, which makes it again from the fields above.
        var processEnv = connections.For(project);
        if (!SameEnv(processEnv, project.Env))
        {
            WriteEnv(json, processEnv, "processEnv");
        }

        json.WriteStrings("packages", project.Packages);
        WriteArray(json, "processes", project.Processes, (w, p) =>
        {
            w.WriteString("name", p.Name);
            w.WriteString("command", p.Command);
            if (p.OneShot)
            {
                w.WriteBoolean("oneShot", true);
            }
        });
        WriteArray(json, "healthChecks", project.HealthChecks, WriteHealthCheckFields);
        WriteArray(json, "checks", project.Checks, (w, c) =>
        {
            w.WriteString("name", c.Name);
            w.WriteString("command", c.Command);
        });
        json.WriteString("flakeInput", project.FlakeInput);
        // Written only when set, so workspaces that do not use them keep their procurator.json.
        if (project.DependencyConditions.Count > 0)
        {
            json.WriteStartObject("dependencyConditions");
            foreach (var (name, condition) in project.DependencyConditions)
            {
                json.WriteString(name, WaitForNames.Of(condition));
            }

            json.WriteEndObject();
        }

        if (project.Restart is { } restart)
        {
            json.WriteString("restart", RestartModes.Name(restart));
        }

        // Names and sources only: a secret's value is read by `up` and never written.
        if (project.Secrets.Count > 0)
        {
            WriteArray(json, "secrets", project.Secrets, (w, secret) =>
            {
                w.WriteString("name", secret.Name);
                w.WriteString("command", secret.Command);
            });
        }

        WriteDeploySettings(json, project);
    }

    /// <summary>What an export reads (<c>Image</c>, <c>Replicas</c>, <c>Resources</c>), each only when set.</summary>
    private static void WriteDeploySettings(JsonStringWriter json, ProjectModel project)
    {
        if (project.Image is { } image)
        {
            json.WriteString("image", image);
        }

        WriteNumberIfSet(json, "replicas", project.Replicas);
        if (project.Resources is { } resources)
        {
            json.WriteStartObject("resources");
            json.WriteString("cpu", resources.Cpu);
            json.WriteString("memory", resources.Memory);
            json.WriteEndObject();
        }
    }

    private static void WriteService(JsonStringWriter json, ServiceModel service)
    {
        json.WriteString("name", service.Name);
        json.WriteString("kind", service.Kind);
        json.WriteString("version", service.Version);
        if (service.Port is { } port)
        {
            json.WriteNumber("port", port);
        }
        else
        {
            json.WriteNull("port");
        }

        WriteEnv(json, service.Env);
        if (service.HealthCheck is { } check)
        {
            json.WriteStartObject("healthCheck");
            WriteHealthCheckFields(json, check);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("healthCheck");
        }

        json.WriteBoolean("implicit", service.Implicit);
        if (service.Command is { } command)
        {
            json.WriteString("command", command);
        }

        if (service.Database is { } database)
        {
            json.WriteString("database", database);
        }

        if (service.User is { } user)
        {
            json.WriteString("user", user);
        }
    }

    private static void WriteOptionalNumber(JsonStringWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteHealthCheckFields(JsonStringWriter json, HealthCheck check)
    {
        json.WriteString("type", check.Type);
        switch (check)
        {
            case TcpHealthCheck tcp:
                json.WriteNumber("port", tcp.Port);
                break;
            case HttpHealthCheck http:
                json.WriteString("url", http.Url);
                break;
            case ExecHealthCheck exec:
                json.WriteString("command", exec.Command);
                break;
            case LogLineHealthCheck log:
                json.WriteString("pattern", log.Pattern);
                break;
        }

        // Timing only when the script set it, so files without it read as before.
        WriteNumberIfSet(json, "periodMs", check.Period is { } period ? (int)Math.Round(period.TotalMilliseconds) : null);
        WriteNumberIfSet(json, "timeoutMs", check.Timeout is { } timeout ? (int)Math.Round(timeout.TotalMilliseconds) : null);
        WriteNumberIfSet(json, "failures", check.Failures);
        WriteNumberIfSet(json, "successes", check.Successes);
    }

    private static void WriteNumberIfSet(JsonStringWriter json, string name, int? number)
    {
        if (number is { } value)
        {
            json.WriteNumber(name, value);
        }
    }

    private static bool SameEnv(SortedMap<string> processEnv, IReadOnlyDictionary<string, string> env)
    {
        if (processEnv.Count != env.Count)
        {
            return false;
        }

        foreach (var (key, value) in env)
        {
            if (!processEnv.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteEnv(JsonStringWriter json, IReadOnlyDictionary<string, string> env, string name = "env")
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in env)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteArray<T>(JsonStringWriter json, string name, IEnumerable<T> items, Action<JsonStringWriter, T> writeFields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeFields(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
