using System.Globalization;
using Procurator.Diagnostics;

namespace Procurator.Compose;

/// <summary>Reads one service (extends already merged) into a <see cref="ComposeService"/>, reporting every problem.</summary>
internal sealed partial class ServiceReader(ServiceSource source, Func<string, string?> readFile, List<Diagnostic> diagnostics)
{
    /// <summary>A reference to another service: how (for messages), its name, where it was written.</summary>
    internal sealed record Reference(string How, string Name, SourceLocation Location);

    private static readonly string[] RestartPolicies = ["no", "always", "on-failure", "unless-stopped"];

    private readonly ComposeMap _node = source.Node;
    private readonly List<Reference> _references = [];
    private bool _failed;

    /// <summary>The references to other services found by <see cref="Read"/>, explicit ones first.</summary>
    public IReadOnlyList<Reference> References => _references;

    public ComposeService? Read()
    {
        var image = Image();
        var build = Build();
        if (image is null && build is null && !_failed)
        {
            Error(ErrorCodes.ComposeInvalidValue, $"service '{source.Name}' has neither an image nor a build context", source.Location);
        }

        var ports = Ports();
        var dependencies = Dependencies();
        var healthCheck = HealthCheck();
        var environment = Environment();
        var restart = Restart();
        var profiles = StringList("profiles") ?? [];
        var command = Command();
        return _failed ? null : new ComposeService(source.Name, image, build, ports, dependencies, healthCheck, environment, restart, profiles.Distinct(StringComparer.Ordinal).ToArray(), command, source.Location);
    }

    private ImageReference? Image()
    {
        if (Scalar("image") is not { } text)
        {
            return null;
        }

        var image = ImageReference.TryParse(text);
        if (image is null)
        {
            Error(ErrorCodes.ComposeInvalidValue, $"'{text}' is not an image reference ([registry/]name[:tag][@digest])", _node["image"]!.Location);
        }

        return image;
    }

    private ComposeBuild? Build()
    {
        switch (_node["build"])
        {
            case null or ComposeScalar { Value: null }:
                return null;
            case ComposeScalar { Value: { } context }:
                return new ComposeBuild(context, null, null);
            case ComposeMap map:
                return new ComposeBuild(Text(map["context"], "build.context") ?? ".", Text(map["dockerfile"], "build.dockerfile"), Text(map["target"], "build.target"));
            case var other:
                return WrongType<ComposeBuild>("build", "a context path or a mapping", other);
        }
    }

    private string? Command() => _node["command"] switch
    {
        ComposeScalar { Value: var value } => value,
        ComposeSequence sequence => string.Join(' ', sequence.Items.OfType<ComposeScalar>().Select(i => Nix.ShellQuote.Single(i.Value ?? string.Empty))),
        _ => null,
    };

    private string? Restart()
    {
        if (_node["restart"] is not ComposeScalar { Value: { } text } scalar)
        {
            return _node["restart"] is { } other and not ComposeScalar ? WrongType<string>("restart", "a string", other) : null;
        }

        // Unquoted `restart: no` is the YAML boolean false.
        if (scalar.AsBoolean() == false)
        {
            return "no";
        }

        var policy = text.Split(':', 2);
        var valid = RestartPolicies.Contains(policy[0], StringComparer.Ordinal)
            && (policy.Length == 1 || (policy[0] == "on-failure" && int.TryParse(policy[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)));
        if (!valid)
        {
            Error(ErrorCodes.ComposeInvalidValue, $"invalid restart policy '{text}' (no, always, on-failure[:max-retries], unless-stopped)", scalar.Location);
        }

        return text;
    }

    private IReadOnlyList<ComposePort> Ports()
    {
        var ports = new List<ComposePort>();
        foreach (var (item, published) in Items("ports").Select(i => (i, true)).Concat(Items("expose").Select(i => (i, false))))
        {
            var (parsed, error) = item switch
            {
                ComposeScalar { Value: { } text } => PortParser.Short(text, published),
                ComposeMap map when published => LongPort(map),
                _ => ([], $"a port is {(published ? "a string or a mapping with 'target'" : "a port number or range")}, not {item.Describe}"),
            };
            if (error is not null)
            {
                Error(ErrorCodes.ComposeInvalidPort, error, item.Location);
            }

            ports.AddRange(parsed);
        }

        return ports;
    }

    private (IReadOnlyList<ComposePort>, string?) LongPort(ComposeMap map)
    {
        if (map["target"] is not ComposeScalar { Value: { } target })
        {
            return ([], "a long-form port needs 'target', the container port");
        }

        return PortParser.Long(target, Text(map["published"], "published"), Text(map["host_ip"], "host_ip"), Text(map["protocol"], "protocol"));
    }

    private ComposeHealthCheck? HealthCheck()
    {
        if (_node["healthcheck"] is not ComposeMap map)
        {
            return _node["healthcheck"] is { } other and not ComposeScalar { Value: null } ? WrongType<ComposeHealthCheck>("healthcheck", "a mapping", other) : null;
        }

        if (map["disable"] is ComposeScalar disable && disable.AsBoolean() == true)
        {
            return null;
        }

        var test = HealthCheckTest(map["test"]);
        if (test is null)
        {
            return null;
        }

        var retries = ComposeHealthCheck.DefaultRetries;
        if (map["retries"] is ComposeScalar { Value: { } text } retriesNode
            && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out retries))
        {
            Error(ErrorCodes.ComposeInvalidValue, $"healthcheck retries '{text}' is not a whole number", retriesNode.Location);
        }

        return new ComposeHealthCheck(test,
            Duration(map["interval"], "interval") ?? ComposeHealthCheck.DefaultIntervalSeconds,
            Duration(map["timeout"], "timeout") ?? ComposeHealthCheck.DefaultTimeoutSeconds,
            retries,
            Duration(map["start_period"], "start_period") ?? 0);
    }

    /// <summary>The normalized test; null when disabled (<c>["NONE"]</c>); empty when the image's own check is kept.</summary>
    private IReadOnlyList<string>? HealthCheckTest(ComposeNode? node)
    {
        switch (node)
        {
            case null or ComposeScalar { Value: null }:
                return [];
            case ComposeScalar { Value: { } command } when command.Trim().Length > 0:
                return ["CMD-SHELL", command];
            case ComposeSequence sequence when sequence.Items.All(i => i is ComposeScalar { Value: not null }):
                var items = sequence.Items.Select(i => ((ComposeScalar)i).Value!).ToArray();
                switch (items)
                {
                    case ["NONE", ..]:
                        return null;
                    case ["CMD", _, ..]:
                        return items;
                    case ["CMD-SHELL", _, ..]:
                        return ["CMD-SHELL", string.Join(' ', items[1..])];
                }

                break;
        }

        Error(ErrorCodes.ComposeInvalidValue, "healthcheck test is a command string, or a list starting with CMD, CMD-SHELL or NONE", node.Location);
        return null;
    }

    private double? Duration(ComposeNode? node, string what)
    {
        if (Text(node, $"healthcheck {what}") is not { } text)
        {
            return null;
        }

        var seconds = GoDuration.TryParseSeconds(text);
        if (seconds is null)
        {
            Error(ErrorCodes.ComposeInvalidDuration, $"healthcheck {what} '{text}' is not a duration such as 30s, 1m30s or 500ms", node!.Location);
        }

        return seconds;
    }

    private IReadOnlyList<string>? StringList(string key)
    {
        var node = _node[key];
        if (node is null or ComposeScalar { Value: null })
        {
            return null;
        }

        return ComposeLoader.Strings(node) is { } values && node is ComposeSequence ? values : WrongType<IReadOnlyList<string>>(key, "a list of strings", node);
    }

    private IEnumerable<ComposeNode> Items(string key) => _node[key] switch
    {
        null or ComposeScalar { Value: null } => [],
        ComposeSequence sequence => sequence.Items,
        var other => WrongType<IEnumerable<ComposeNode>>(key, "a list", other) ?? [],
    };

    private string? Scalar(string key) => Text(_node[key], key);

    /// <summary>A scalar's text; reports anything else.</summary>
    private string? Text(ComposeNode? node, string what) => node switch
    {
        null => null,
        ComposeScalar scalar => scalar.Value,
        _ => WrongType<string>(what, "a string", node),
    };

    private T? WrongType<T>(string what, string expected, ComposeNode node)
    {
        Error(ErrorCodes.ComposeInvalidValue, $"'{what}' of service '{source.Name}' must be {expected}, not {node.Describe}", node.Location);
        return default;
    }

    private void Error(string code, string message, SourceLocation at)
    {
        _failed = true;
        diagnostics.Add(Diagnostic.Error(code, message, at));
    }
}
