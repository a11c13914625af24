using System.Text.Json;

namespace Procurator.Discovery;

/// <summary><c>Gemfile</c> (ruby, <c>.ruby-version</c>, <c>bundle exec rspec</c> with a <c>spec/</c> folder) and <c>composer.json</c> (php, its <c>test</c> script).</summary>
internal static class RubyPhpProbe
{
    public static void Probe(ProbeContext context)
    {
        var project = context.Project;
        if (context.Has("Gemfile"))
        {
            project.Language("ruby", "Gemfile");
            var version = context.Has(".ruby-version") ? context.FirstLine(".ruby-version") : null;
            project.Toolchain("ruby", version, ["ruby"], project.File(version is null ? "Gemfile" : ".ruby-version"));
            project.UsePackageManager("bundler", string.Empty, project.File(context.Has("Gemfile.lock") ? "Gemfile.lock" : "Gemfile"));
            if (context.Directories.Contains("spec"))
            {
                project.Check("test", "bundle exec rspec", context.Source("Gemfile"), " (a spec/ folder)");
            }
            else if (context.Has("Rakefile"))
            {
                project.Check("test", "bundle exec rake test", context.Source("Rakefile"));
            }
        }

        if (context.Has("composer.json") && StructuredFiles.Json(context.Log, project.File("composer.json")) is { ValueKind: JsonValueKind.Object } composer)
        {
            project.Language("php", "composer.json");
            if (composer.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                project.ManifestName ??= name.GetString()!.Split('/')[^1];
            }

            var php = composer.TryGetProperty("require", out var require) && require.ValueKind == JsonValueKind.Object
                && require.TryGetProperty("php", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            project.Toolchain("php", php, ["php"], project.File("composer.json"));
            project.UsePackageManager("composer", string.Empty, project.File(context.Has("composer.lock") ? "composer.lock" : "composer.json"));
            if (composer.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object)
            {
                foreach (var script in scripts.EnumerateObject().Where(s => CheckNames.IsCheck(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    project.Check(CheckNames.Normalize(script.Name), $"composer run-script {script.Name}", context.Source("composer.json"), " (composer.json script)");
                }
            }
        }
    }
}
