using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using YamlDotNet.RepresentationModel;

namespace Procurator.Tests.Support;

/// <summary>
/// Checks Kubernetes objects against the official C# client's typed models (KubernetesClient,
/// generated from the Kubernetes OpenAPI schema): each document must load strictly (an unknown
/// field is an error), pass the model's own <c>Validate()</c> (required fields), and come back
/// the same when the typed object is written again (nothing dropped, nothing of the wrong shape).
/// </summary>
internal static class KubernetesSchema
{
    /// <summary>Every problem of every <c>*.yaml</c> in <paramref name="folder"/> but the kustomization, as "file: problem".</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "kustomization.yaml")
            {
                continue;
            }

            problems.AddRange(ProblemsOf(File.ReadAllText(file)).Select(p => $"{Path.GetFileName(file)}: {p}"));
        }

        return problems;
    }

    /// <summary>The problems of one document.</summary>
    public static IReadOnlyList<string> ProblemsOf(string yaml)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        }
        catch (Exception e)
        {
            return [$"does not load as a Kubernetes object: {e.GetBaseException().Message}"];
        }

        if (objects.Count != 1)
        {
            return [$"holds {objects.Count} objects, not one"];
        }

        var problems = new List<string>();
        try
        {
            objects[0].GetType().GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)?.Invoke(objects[0], null);
        }
        catch (TargetInvocationException e)
        {
            problems.Add($"fails the model's validation: {e.InnerException?.Message}");
        }

        var again = Canonical(KubernetesYaml.Serialize(objects[0]));
        var original = Canonical(yaml);
        if (again != original)
        {
            problems.Add($"changes when read into the typed model and written again:\n--- as written\n{original}\n--- as the model has it\n{again}");
        }

        return problems;
    }

    /// <summary>A YAML document as sorted "path = value" lines: the same for the same data, whatever the order or quoting.</summary>
    public static string Canonical(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var lines = new List<string>();
        Walk(stream.Documents[0].RootNode, "", lines);
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static void Walk(YamlNode node, string path, List<string> lines)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    Walk(value, $"{path}.{key}", lines);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]", lines);
                }

                break;
            case YamlScalarNode scalar:
                lines.Add($"{path} = {scalar.Value}");
                break;
        }
    }

    /// <summary>The validator script over the npm package kubernetes-models (installed by <c>npm ci</c> in tests/tools).</summary>
    public static string Validator => Path.Combine(RepositoryPaths.Root, "tests", "tools", "validate-kubernetes.cjs");

    /// <summary>
    /// Every object of <paramref name="folder"/> through kubernetes-models' validators, generated from the
    /// official OpenAPI schemas (types, required fields, formats): the lines of problems it prints.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> OfficialSchemaAsync(string folder)
    {
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "kubernetes-models")),
            "kubernetes-models is not installed: run `npm ci` in tests/tools (.ci/run does)");
        var input = new JsonArray();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Where(f => Path.GetFileName(f) != "kustomization.yaml"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            input.Add(new JsonObject { ["file"] = Path.GetFileName(file), ["object"] = ToJson(stream.Documents[0].RootNode) });
        }

        var stdin = Path.Combine(folder, "..", $"validate-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(stdin, input.ToJsonString());
        try
        {
            var run = await ToolProcess.RunAsync("/bin/sh", ["-c", $"node \"$0\" < \"$1\"", Validator, stdin], timeout: TimeSpan.FromMinutes(2));
            return (run.ExitCode, run.Stdout + run.Stderr);
        }
        finally
        {
            File.Delete(stdin);
        }
    }

    /// <summary>YAML as JSON the way Kubernetes reads it: plain numbers and booleans typed, quoted scalars strings.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    /// <summary>Runs <c>kubectl kustomize</c> on <paramref name="folder"/>: its exit code, the built YAML and its errors.</summary>
    public static async Task<ToolResult> KustomizeAsync(string folder) =>
        await ToolProcess.RunAsync("kubectl", ["kustomize", folder], timeout: TimeSpan.FromMinutes(2));

    /// <summary>How many objects a built kustomization holds.</summary>
    public static int CountDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count;
    }

    /// <summary>The folder's files as one text, for a failure message.</summary>
    public static string Dump(string folder)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            text.Append("=== ").Append(Path.GetFileName(file)).Append('\n').Append(File.ReadAllText(file));
        }

        return text.ToString();
    }
}

/// <summary>Why a test of the official schemas cannot run here (node or tests/tools' kubernetes-models missing), or null.</summary>
internal static class KubernetesModels
{
    public static string? SkipReason =>
        IntegrationEnvironment.SkipReason(
            Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "kubernetes-models")),
            "kubernetes-models not installed (run `npm ci` in tests/tools)")
        ?? IntegrationEnvironment.SkipReasonForTools(["node"]);
}

/// <summary>A fact that needs node and kubernetes-models; skipped without them unless integration is required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class KubernetesModelsFactAttribute : FactAttribute
{
    public KubernetesModelsFactAttribute(params string[] tools)
    {
        if ((KubernetesModels.SkipReason ?? IntegrationEnvironment.SkipReasonForTools(tools)) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs node and kubernetes-models; skipped without them unless integration is required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class KubernetesModelsTheoryAttribute : TheoryAttribute
{
    public KubernetesModelsTheoryAttribute()
    {
        if (KubernetesModels.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
