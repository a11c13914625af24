using System.Text;
using System.Text.Json;
using Procurator.Scripting;

namespace Procurator.Editor;

/// <summary>
/// The files that let an editor (OmniSharp, through VS Code's C# extension) see a
/// <c>procurator.csx</c> as the tool compiles it, as text: nothing is written here.
/// Names are relative to the workspace folder the editor opens.
/// </summary>
internal sealed record EditorFiles(string ResponseFile, string OmniSharpJson, string VsCodeSettings)
{
    public const string ResponseFileName = "procurator.rsp";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, IndentSize = 2, NewLine = "\n" };

    public IEnumerable<(string Name, string Content)> All =>
        [(ResponseFileName, ResponseFile), ("omnisharp.json", OmniSharpJson), (".vscode/settings.json", VsCodeSettings)];

    /// <summary>The editor files for the DSL at <paramref name="sdkAssemblyPath"/>, built for <paramref name="targetFramework"/>.</summary>
    public static EditorFiles For(string sdkAssemblyPath, string targetFramework)
    {
        // A response file cannot quote a quote; such a path would silently reference something else.
        if (!Path.IsPathFullyQualified(sdkAssemblyPath) || sdkAssemblyPath.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{sdkAssemblyPath}' is not a full path a response file can hold", nameof(sdkAssemblyPath));
        }

        // One option per line; the path quoted, as /r: splits on spaces, commas and semicolons.
        var response = new StringBuilder().Append("/r:\"").Append(sdkAssemblyPath).Append("\"\n");
        foreach (var import in ScriptConventions.Imports)
        {
            response.Append("/u:").Append(import).Append('\n');
        }

        // OmniSharp binds the "script" section to its script options: the rsp replaces its
        // default usings, and NuGet stays off as evaluation never downloads.
        var omniSharp = Json(json =>
        {
            json.WriteStartObject("script");
            json.WriteBoolean("enabled", true);
            json.WriteString("defaultTargetFramework", targetFramework);
            json.WriteBoolean("enableScriptNuGetReferences", false);
            json.WriteString("rspFilePath", ResponseFileName);
            json.WriteEndObject();
        });

        // The C# extension's default Roslyn server has no .csx support; OmniSharp does.
        var vsCode = Json(json => json.WriteBoolean("dotnet.server.useOmnisharp", true));
        return new EditorFiles(response.ToString(), omniSharp, vsCode);
    }

    private static string Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
