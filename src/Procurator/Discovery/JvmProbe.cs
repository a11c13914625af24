using System.Text.RegularExpressions;

namespace Procurator.Discovery;

/// <summary>
/// <c>pom.xml</c> (Maven; <c>&lt;modules&gt;</c> makes the folder a multi-module project) and
/// <c>build.gradle(.kts)</c> (Gradle; <c>settings.gradle(.kts)</c> includes are members): a JDK and
/// the build tool, the Java version kept as found, and the build's test task.
/// </summary>
internal static partial class JvmProbe
{
    [GeneratedRegex(@"<module>\s*([^<\s]+)\s*</module>", RegexOptions.CultureInvariant)]
    private static partial Regex Module();

    [GeneratedRegex(@"<(?:maven\.compiler\.release|maven\.compiler\.source|java\.version|release)>\s*([\d.]+)\s*<", RegexOptions.CultureInvariant)]
    private static partial Regex JavaVersion();

    [GeneratedRegex(@"<artifactId>\s*([^<\s]+)\s*</artifactId>", RegexOptions.CultureInvariant)]
    private static partial Regex ArtifactId();

    [GeneratedRegex(@"include\s*\(?\s*((?:['""][^'""]+['""]\s*,?\s*)+)", RegexOptions.CultureInvariant)]
    private static partial Regex GradleInclude();

    [GeneratedRegex(@"['""]:?([^'""]+)['""]", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?:languageVersion\s*(?:=|\.set\()\s*JavaLanguageVersion\.of\(\s*|sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_)?['""]?)(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex GradleJava();

    public static void Probe(ProbeContext context)
    {
        var project = context.Project;
        if (context.Has("pom.xml"))
        {
            var pom = context.Read("pom.xml");
            project.Language("java", "pom.xml");
            // The project's own artifactId follows the parent's; the first after </parent> is it.
            var parentEnd = pom.IndexOf("</parent>", StringComparison.Ordinal);
            if (ArtifactId().Match(pom, parentEnd < 0 ? 0 : parentEnd) is { Success: true } artifact)
            {
                project.ManifestName ??= artifact.Groups[1].Value;
            }

            project.MemberGlobs.AddRange(Module().Matches(pom).Select(m => ("java", m.Groups[1].Value)));
            var version = JavaVersion().Match(pom) is { Success: true } v ? v.Groups[1].Value : null;
            project.Toolchain("java", version, ["jdk"], project.File("pom.xml"));
            project.UsePackageManager("maven", string.Empty, project.File("pom.xml"), "maven");
            project.Check("test", context.Has("mvnw") ? "./mvnw test" : "mvn test", context.Source("pom.xml"));
            return;
        }

        var build = context.Has("build.gradle.kts") ? "build.gradle.kts" : context.Has("build.gradle") ? "build.gradle" : null;
        var settings = context.Has("settings.gradle.kts") ? "settings.gradle.kts" : context.Has("settings.gradle") ? "settings.gradle" : null;
        if (build is null && settings is null)
        {
            return;
        }

        var manifest = build ?? settings!;
        project.Language("java", manifest);
        if (settings is not null)
        {
            var text = context.Read(settings);
            foreach (Match include in GradleInclude().Matches(text))
            {
                project.MemberGlobs.AddRange(Quoted().Matches(include.Groups[1].Value).Select(q => ("java", q.Groups[1].Value.Replace(':', '/'))));
            }
        }

        var javaVersion = build is not null && GradleJava().Match(context.Read(build)) is { Success: true } g ? g.Groups[1].Value : null;
        project.Toolchain("java", javaVersion, ["jdk"], project.File(manifest));
        project.UsePackageManager("gradle", string.Empty, project.File(manifest), "gradle");
        project.Check("test", context.Has("gradlew") ? "./gradlew test" : "gradle test", context.Source(manifest));
    }
}
