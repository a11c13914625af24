using System.Runtime.InteropServices;
using System.Text;

namespace Procurator.Scripting;

/// <summary>
/// Everything besides the script that decides what it compiles to: the SDK and engine
/// builds, the Roslyn version, the runtime and the script options. Computed on every warm
/// run, so only from cheap facts (module ids, not attributes read by reflection).
/// </summary>
internal sealed record Toolchain(Guid Sdk, Guid Engine, string Roslyn, Guid Runtime, string Options)
{
    public static Toolchain Current { get; } = new(
        ScriptConventions.SdkAssembly.ManifestModule.ModuleVersionId,
        typeof(Toolchain).Assembly.ManifestModule.ModuleVersionId,
        RoslynVersion(),
        typeof(object).Module.ModuleVersionId, // the exact runtime build
        ScriptConventions.OptionsFingerprint);

    // Read from this assembly's references (metadata only), so computing a key never loads Roslyn.
    private static string RoslynVersion()
    {
        var names = new StringBuilder();
        foreach (var reference in typeof(Toolchain).Assembly.GetReferencedAssemblies())
        {
            if (reference.Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
            {
                names.Append(reference.Name).Append(' ').Append(reference.Version).Append(',');
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
        // Length-prefixed strings and raw ids: unambiguous, and no Guid formatting on a warm run.
        using var material = new MemoryStream();
        using (var writer = new BinaryWriter(material, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(fullPath);
            writer.Write(FileHash.Of(code));
            writer.Write(toolchain.Sdk.ToByteArray());
            writer.Write(toolchain.Engine.ToByteArray());
            writer.Write(toolchain.Roslyn);
            writer.Write(toolchain.Runtime.ToByteArray());
            writer.Write((int)RuntimeInformation.ProcessArchitecture);
            writer.Write(toolchain.Options);
        }

        return FileHash.Of(material.GetBuffer().AsSpan(0, (int)material.Length));
    }
}
