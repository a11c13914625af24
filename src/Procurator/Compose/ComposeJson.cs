using System.Text;
using System.Text.Json;
using Procurator.Rendering;

namespace Procurator.Compose;

/// <summary>
/// The imported services as JSON, deterministic (services by name, dependencies by name,
/// environment by key; ports in file order):
/// <c>{"services":[{name, image, version, ports[{hostIp, host, container, protocol}],
/// dependsOn[{name, condition, required}], healthcheck, environment{}, restart, profiles[], build}]}</c>.
/// </summary>
internal static class ComposeJson
{
    public static string Write(ComposeProject project)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonText.Options()))
        {
            json.WriteStartObject();
            json.WriteStartArray("services");
            foreach (var service in project.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                WriteService(json, service);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteService(Utf8JsonWriter json, ComposeService service)
    {
        json.WriteStartObject();
        json.WriteString("name", service.Name);
        json.WriteString("image", service.Image?.Text);
        json.WriteString("version", service.Version);
        json.WriteStartArray("ports");
        foreach (var port in service.Ports)
        {
            json.WriteStartObject();
            json.WriteString("hostIp", port.HostIp);
            json.WriteString("host", port.Host);
            json.WriteNumber("container", port.Container);
            json.WriteString("protocol", port.Protocol);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("dependsOn");
        foreach (var dependency in service.DependsOn)
        {
            json.WriteStartObject();
            json.WriteString("name", dependency.Name);
            json.WriteString("condition", dependency.Condition);
            json.WriteBoolean("required", dependency.Required);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (service.HealthCheck is { } check)
        {
            json.WriteStartObject("healthcheck");
            JsonText.WriteStrings(json, "test", check.Test);
            json.WriteNumber("intervalSeconds", check.IntervalSeconds);
            json.WriteNumber("timeoutSeconds", check.TimeoutSeconds);
            json.WriteNumber("retries", check.Retries);
            json.WriteNumber("startPeriodSeconds", check.StartPeriodSeconds);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("healthcheck");
        }

        json.WriteStartObject("environment");
        foreach (var (key, value) in service.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteString("restart", service.Restart);
        JsonText.WriteStrings(json, "profiles", service.Profiles);
        json.WriteBoolean("build", service.Build is not null);
        json.WriteEndObject();
    }
}
