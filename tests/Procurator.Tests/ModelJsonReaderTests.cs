using System.Collections;
using System.Text;
using Procurator.Diagnostics;
using Procurator.Rendering;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary><c>procurator.json</c> read back into the model: what <c>up --model</c> runs.</summary>
public sealed class ModelJsonReaderTests
{
    public static TheoryData<string> Workspaces()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepositoryPaths.Golden).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "expected", "procurator.json")))
            {
                data.Add(Path.Combine(dir, "input", "procurator.csx"));
            }
        }

        data.Add(Path.Combine(RepositoryPaths.Examples, "microservices", "procurator.csx"));
        data.Add(Path.Combine(RepositoryPaths.Examples, "policies", "procurator.csx"));
        data.Add(Path.Combine(RepositoryPaths.Root, "procurator.csx"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Workspaces))]
    public async Task Written_model_reads_back_equal(string script)
    {
        var model = (WorkspaceLoader.Load(script, null, Scripting.EvaluationOptions.Default)).Model!;
        var json = ModelJson.Serialize(model);

        var (read, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes(json));

        Assert.Empty(diagnostics);
        AssertDeepEqual(model, read!, "model");
        Assert.Equal(json, ModelJson.Serialize(read!));
    }

    [Fact]
    public void Bad_json_is_reported_at_its_line_and_column()
    {
        var (model, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes("{\n  \"schemaVersion\": 1,\n  \"workspace\": {,\n}"));

        Assert.Null(model);
        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("procurator.json(3,17): error PRO045: not valid JSON: ", DiagnosticFormatter.Format(diagnostic));
    }

    [Fact]
    public void Other_schema_version_is_refused()
    {
        var (model, diagnostics) = ModelJsonReader.Read("m.json", Encoding.UTF8.GetBytes("{\n  \"schemaVersion\": 2\n}\n"));

        Assert.Null(model);
        Assert.Equal(
            ["m.json(2,20): error PRO045: schemaVersion 2 is not supported (this procurator reads 1); regenerate it with `procurator run`"],
            diagnostics.Select(d => DiagnosticFormatter.Format(d)));
    }

    [Fact]
    public void Wrong_values_are_all_reported_where_they_are()
    {
        var json = ModelJson.Serialize(new Model.WorkspaceModel("w", null, "github:NixOS/nixpkgs/nixos-unstable", ["x86_64-linux"], [], [], [], []))
            .Replace("\"projects\": []", "\"projects\": [\n    { \"name\": 3, \"path\": \".\", \"ports\": [\"80\"] }\n  ]", StringComparison.Ordinal);

        var (model, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(model);
        Assert.Equal(
        [
            "procurator.json(13,15): error PRO045: $.projects[0].name: expected a string, found 3",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"dependsOn\"",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"buildDependsOn\"",
            "procurator.json(13,41): error PRO045: $.projects[0].ports[0]: expected a whole number, found \"80\"",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"env\"",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"packages\"",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"processes\"",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"healthChecks\"",
            "procurator.json(13,5): error PRO045: $.projects[0]: missing \"checks\"",
        ], diagnostics.Select(d => DiagnosticFormatter.Format(d)));
    }

    [Fact]
    public void Health_checks_of_unknown_type_or_missing_their_field_are_refused()
    {
        var json = ModelJson.Serialize(new Model.WorkspaceModel("w", null, "github:NixOS/nixpkgs/nixos-unstable", ["x86_64-linux"], [], [], [], []))
            .Replace("\"services\": []", "\"services\": [\n    { \"name\": \"a\", \"env\": {}, \"healthCheck\": { \"type\": \"grpc\" } },\n"
                + "    { \"name\": \"b\", \"env\": {}, \"healthCheck\": { \"type\": \"tcp\" } },\n"
                + "    { \"name\": \"c\", \"env\": {}, \"healthCheck\": { \"type\": \"http\", \"url\": 8 } }\n  ]", StringComparison.Ordinal);

        var (model, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(model);
        Assert.Equal(
        [
            "procurator.json(14,56): error PRO045: $.services[0].healthCheck.type: 'grpc' is not a health check type; expected \"tcp\", \"http\", \"exec\" or \"log\"",
            "procurator.json(15,46): error PRO045: $.services[1].healthCheck: missing \"port\"",
            "procurator.json(16,71): error PRO045: $.services[2].healthCheck.url: expected a string, found 8",
        ], diagnostics.Select(d => DiagnosticFormatter.Format(d)));
    }

    [Fact]
    public void A_reference_to_an_undeclared_service_or_part_is_refused_at_its_env_entry()
    {
        var json = ModelJson.Serialize(new Model.WorkspaceModel("w", null, "github:NixOS/nixpkgs/nixos-unstable", ["x86_64-linux"],
            [new("api", "./api", null, [], [], [], new Dictionary<string, string> { ["A"] = "${pg.url}", ["B"] = "${db.pass}", ["C"] = "${db.url}" }, [], [], [], null)],
            [new("db", "postgres", null, 5432, new Dictionary<string, string>(), null, Implicit: false)], [], []));

        var (model, diagnostics) = ModelJsonReader.Read("procurator.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(model);
        Assert.Equal(
        [
            "PRO081: env var A of project 'api' refers to ${pg.url}, which names no declared service's host, port, url, user or database",
            "PRO081: env var B of project 'api' refers to ${db.pass}, which names no declared service's host, port, url, user or database",
        ], diagnostics.Select(d => $"{d.Code}: {d.Message}"));
    }

    /// <summary>Public properties, compared all the way down (records compare lists by reference).</summary>
    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null or string or int or bool or Enum:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected}, found {actual}");
                break;
            case IDictionary dictionary:
                var other = Assert.IsAssignableFrom<IDictionary>(actual);
                Assert.Equal(dictionary.Keys.Cast<object>(), other.Keys.Cast<object>());
                foreach (var key in dictionary.Keys)
                {
                    AssertDeepEqual(dictionary[key], other[key], $"{path}[{key}]");
                }

                break;
            case IEnumerable sequence:
                var items = sequence.Cast<object>().ToArray();
                var others = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object>().ToArray();
                Assert.True(items.Length == others.Length, $"{path}: {items.Length} items, found {others.Length}");
                for (var i = 0; i < items.Length; i++)
                {
                    AssertDeepEqual(items[i], others[i], $"{path}[{i}]");
                }

                break;
            default:
                foreach (var property in expected.GetType().GetProperties().Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
                {
                    AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                break;
        }
    }
}
