using System.Runtime.InteropServices;
using System.Text;

namespace Procurator.Scripting;

/// <summary>
/// Everything besides the script that decides what it compiles to: the SDK and engine
/// builds, the Roslyn version, the runtime and the script options. Computed on every warm
/// run, so only from cheap facts (module ids, not attributes read by reflection).
/// </summary>
internal sealed record Toolchain(string Sdk, string Engine, string Roslyn, string Runtime, string Options)
{
    public static Toolchain Current { get; } = new(
        ScriptConventions.SdkAssembly.ManifestModule.ModuleVersionId.ToString(),
        typeof(Toolchain).Assembly.ManifestModule.ModuleVersionId.ToString(),
        RoslynVersion(),
        // The exact runtime build and the process architecture.
        $"{typeof(object).Module.ModuleVersionId}/{(int)RuntimeInformation.ProcessArchitecture}",
        ScriptConventions.OptionsFingerprint);

    // Read from this assembly's references (metadata only), so computing a key never loads Roslyn.
    private static string RoslynVersion()
    {
        var names = new StringBuilder();
        foreach (var reference in typeof(Toolchain).Assembly.GetReferencedAssemblies())
        {
            if (reference.Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
            {
                names.Append(reference.FullName).Append(',');
            }
        }

        return names.ToString();
    }
}

/// <summary>
/// The cache key of a script: the cache format, the script's path and bytes, and the
/// toolchain. <c>#load</c>ed files are not known before compiling; the cache entry records
/// them with their hashes and a hit re-checks them.
/// </summary>
internal static class ScriptCacheKey
{
    public const int FormatVersion = 2;

    public static string For(string fullPath, byte[] code, Toolchain toolchain)
    {
        var text = $"""
            format={FormatVersion}
            path={fullPath}
            script={FileHash.Of(code)}
            sdk={toolchain.Sdk}
            engine={toolchain.Engine}
            roslyn={toolchain.Roslyn}
            runtime={toolchain.Runtime}
            options={toolchain.Options}
            """;
        return FileHash.Of(Encoding.UTF8.GetBytes(text));
    }
}
