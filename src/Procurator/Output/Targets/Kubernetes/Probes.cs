using System.Globalization;
using Procurator.Model;
using Procurator.Output.Manifests;

namespace Procurator.Output.Targets.Kubernetes;

/// <summary>
/// A health check as a probe: Tcp is <c>tcpSocket</c>, Http <c>httpGet</c> (against the pod, so the
/// URL's host is dropped), Exec <c>exec</c> through <c>/bin/sh -c</c>. Timing follows <c>procurator up</c>:
/// the period (default 2 s) and timeout (default 2 s) in whole seconds, rounded up, failures (default 3)
/// as the failure threshold, successes (default 1) as readiness's success threshold (liveness takes only 1).
/// A log-line check has no probe: null. As <c>up</c> checks liveness only once a unit is ready, a
/// startup probe of the same action holds liveness off while the container starts (up to
/// <see cref="StartupAttempts"/> periods).
/// </summary>
internal static class Probes
{
    /// <summary>How many periods a container may take to start before its startup probe fails it.</summary>
    public const int StartupAttempts = 60;

    /// <summary>The startup, readiness and liveness probes of <paramref name="check"/>, or null for a log-line check.</summary>
    /// <param name="check">The health check.</param>
    /// <param name="containerPort">Maps a port the check names to the container's port (a service's port may differ from its image's).</param>
    public static ProbeSet? For(HealthCheck check, Func<int, int> containerPort)
    {
        if (Action(check, containerPort) is not { } action)
        {
            return null;
        }

        var startup = action()
            .Add("periodSeconds", Seconds(check.Period))
            .Add("timeoutSeconds", Seconds(check.Timeout))
            .Add("failureThreshold", StartupAttempts);
        return new ProbeSet(startup, Timed(action(), check, check.Successes ?? 1), Timed(action(), check, successes: 1));
    }

    /// <summary>A probe that runs <paramref name="command"/> (a kind's health command), with <c>up</c>'s default timing.</summary>
    public static ProbeSet ForCommand(string command) => For(new ExecHealthCheck(command), port => port)!;

    private static Func<YamlMap>? Action(HealthCheck check, Func<int, int> containerPort) => check switch
    {
        TcpHealthCheck tcp => () => new YamlMap().Add("tcpSocket", new YamlMap().Add("port", containerPort(tcp.Port))),
        HttpHealthCheck http when Uri.TryCreate(http.Url, UriKind.Absolute, out var uri) => () => new YamlMap().Add("httpGet", new YamlMap()
            .Add("path", uri.PathAndQuery)
            .Add("port", containerPort(uri.Port))
            .Add("scheme", uri.Scheme == Uri.UriSchemeHttps ? "HTTPS" : "HTTP")),
        ExecHealthCheck exec => () => new YamlMap().Add("exec", new YamlMap().Add("command", new List<object> { "/bin/sh", "-c", exec.Command })),
        _ => null,
    };

    private static YamlMap Timed(YamlMap probe, HealthCheck check, int successes) => probe
        .Add("periodSeconds", Seconds(check.Period))
        .Add("timeoutSeconds", Seconds(check.Timeout))
        .Add("failureThreshold", check.Failures ?? 3)
        .Add("successThreshold", successes);

    private static int Seconds(TimeSpan? span) =>
        Math.Max(1, (int)Math.Ceiling((span ?? TimeSpan.FromSeconds(2)).TotalSeconds));

    /// <summary>What a manifest says where a check has no probe.</summary>
    public static string NoProbe(HealthCheck check) => check switch
    {
        LogLineHealthCheck log => $"log-line health check /{log.Pattern}/ has no Kubernetes probe; none is set",
        _ => string.Create(CultureInfo.InvariantCulture, $"{check.Type} health check has no Kubernetes probe; none is set"),
    };
}

/// <summary>The three probes of one health check.</summary>
internal sealed record ProbeSet(YamlMap Startup, YamlMap Readiness, YamlMap Liveness);
