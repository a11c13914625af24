using Tomlyn.Model;

namespace Procurator.Discovery;

/// <summary>
/// <c>pyproject.toml</c> (PEP 621 <c>[project]</c>, <c>[tool.poetry]</c>, <c>[tool.pdm]</c>, <c>[tool.uv]</c>)
/// and <c>requirements*.txt</c>: the package manager (poetry, pdm, uv, else pip), the python version
/// (<c>.python-version</c>, <c>runtime.txt</c>, <c>requires-python</c>, poetry's python dependency) and
/// <c>pytest</c> when a file mentions it.
/// </summary>
internal static class PythonProbe
{
    public static void Probe(ProbeContext context)
    {
        var requirements = context.Files.Where(f => f.StartsWith("requirements", StringComparison.Ordinal) && f.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        var hasPyproject = context.Has("pyproject.toml");
        if (!hasPyproject && requirements.Length == 0)
        {
            return;
        }

        var project = context.Project;
        var pyproject = hasPyproject ? StructuredFiles.Toml(context.Log, project.File("pyproject.toml")) : null;
        if (hasPyproject && pyproject is null)
        {
            return;
        }

        project.Language("python", hasPyproject ? "pyproject.toml" : requirements[0]);
        var tool = Table(pyproject, "tool");
        var pep621 = Table(pyproject, "project");
        var poetry = Table(tool, "poetry");
        project.ManifestName ??= String(pep621, "name") ?? String(poetry, "name");

        // 1. The package manager: a lockfile or a [tool.*] table, else pip.
        if (poetry is not null || context.Has("poetry.lock"))
        {
            project.UsePackageManager("poetry", string.Empty, project.File(context.Has("poetry.lock") ? "poetry.lock" : "pyproject.toml"), "poetry");
        }
        else if (context.Has("uv.lock") || Table(tool, "uv") is not null)
        {
            project.UsePackageManager("uv", string.Empty, project.File(context.Has("uv.lock") ? "uv.lock" : "pyproject.toml"), "uv");
        }
        else if (context.Has("pdm.lock") || Table(tool, "pdm") is not null)
        {
            project.UsePackageManager("pdm", string.Empty, project.File(context.Has("pdm.lock") ? "pdm.lock" : "pyproject.toml"), "pdm");
        }
        else
        {
            project.UsePackageManager("pip", string.Empty, project.File(hasPyproject ? "pyproject.toml" : requirements[0]));
        }

        // 2. The python version.
        var poetryPython = Table(poetry, "dependencies") is { } dependencies ? String(dependencies, "python") : null;
        var (version, from) = context.Has(".python-version") ? (context.FirstLine(".python-version"), ".python-version")
            : context.Has("runtime.txt") ? (context.FirstLine("runtime.txt")?.Replace("python-", string.Empty, StringComparison.Ordinal), "runtime.txt")
            : String(pep621, "requires-python") is { } requires ? (requires, "pyproject.toml")
            : poetryPython is not null ? (poetryPython, "pyproject.toml")
            : (null, hasPyproject ? "pyproject.toml" : requirements[0]);
        project.Toolchain("python", version, Toolchains.Python(version), project.File(from));

        // 3. pytest, when a manifest names it or there is a pytest config.
        var pytestFrom = new[] { "pyproject.toml", "pytest.ini", "conftest.py" }.Where(context.Has)
            .Concat(requirements)
            .FirstOrDefault(f => f is "pytest.ini" or "conftest.py" || context.Read(f).Contains("pytest", StringComparison.Ordinal));
        if (pytestFrom is not null)
        {
            var command = project.PackageManager switch
            {
                "poetry" => "poetry run pytest",
                "uv" => "uv run pytest",
                "pdm" => "pdm run pytest",
                _ => "pytest",
            };
            project.Check("test", command, context.Source(pytestFrom), " (pytest is named there)");
        }
    }

    private static TomlTable? Table(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) ? value as TomlTable : null;

    private static string? String(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) ? value as string : null;
}
