using Tomlyn.Model;

namespace Procurator.Discovery;

/// <summary>
/// <c>Cargo.toml</c>: a package or a workspace (<c>[workspace] members</c> globs: the workspace is one
/// project, its crates members of it), the toolchain from <c>rust-toolchain(.toml)</c> or
/// <c>rust-version</c>, and <c>cargo test</c>.
/// </summary>
internal static class RustProbe
{
    public static void Probe(ProbeContext context)
    {
        if (!context.Has("Cargo.toml") || StructuredFiles.Toml(context.Log, context.Project.File("Cargo.toml")) is not { } cargo)
        {
            return;
        }

        var project = context.Project;
        project.Language("rust", "Cargo.toml");
        var package = cargo.TryGetValue("package", out var p) ? p as TomlTable : null;
        var workspace = cargo.TryGetValue("workspace", out var w) ? w as TomlTable : null;
        if (package?.TryGetValue("name", out var name) == true && name is string packageName)
        {
            project.ManifestName ??= packageName;
        }

        if (workspace?.TryGetValue("members", out var members) == true && members is TomlArray globs)
        {
            project.MemberGlobs.AddRange(globs.OfType<string>().Select(g => ("rust", g)));
        }

        // The toolchain: rust-toolchain.toml's channel, a plain rust-toolchain file, then rust-version.
        var (version, from) = (null as string, "Cargo.toml");
        if (context.Has("rust-toolchain.toml") && StructuredFiles.Toml(context.Log, project.File("rust-toolchain.toml")) is { } toolchain
            && toolchain.TryGetValue("toolchain", out var t) && t is TomlTable table && table.TryGetValue("channel", out var channel))
        {
            (version, from) = (channel as string, "rust-toolchain.toml");
        }
        else if (context.Has("rust-toolchain"))
        {
            (version, from) = (context.FirstLine("rust-toolchain"), "rust-toolchain");
        }
        else if (package?.TryGetValue("rust-version", out var rustVersion) == true || (workspace?.TryGetValue("package", out var wp) == true
            && wp is TomlTable workspacePackage && workspacePackage.TryGetValue("rust-version", out rustVersion)))
        {
            version = rustVersion as string;
        }

        project.Toolchain("rust", version, Toolchains.Rust(), project.File(from));
        project.Check("test", workspace is null ? "cargo test" : "cargo test --workspace", context.Source("Cargo.toml"));
    }
}
