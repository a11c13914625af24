using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Procurator.Scripting;

/// <summary>
/// What decides whether a compiled script can be reused: the cache format, the script's
/// path and bytes, the SDK build, the Roslyn version, the runtime and the script options.
/// <c>#load</c>ed files are not known before compiling; the cache entry records them with
/// their hashes and a hit re-checks them.
/// </summary>
internal static class ScriptCacheKey
{
    public const int FormatVersion = 1;

    public static string For(string fullPath, byte[] code)
    {
        var text = new StringBuilder()
            .Append("format=").Append(FormatVersion).Append('\n')
            .Append("path=").Append(fullPath).Append('\n')
            .Append("script=").Append(FileHash.Of(code)).Append('\n')
            .Append("sdk=").Append(ScriptConventions.SdkAssembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append("engine=").Append(typeof(ScriptCacheKey).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append("roslyn=").Append(RoslynVersion).Append('\n')
            .Append("runtime=").Append(RuntimeInformation.FrameworkDescription).Append('/').Append(RuntimeInformation.ProcessArchitecture).Append('\n')
            .Append("options=").Append(ScriptConventions.OptionsFingerprint).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    // Read from this assembly's references (metadata only), so computing a key never loads Roslyn.
    private static string RoslynVersion => string.Join(',', typeof(ScriptCacheKey).Assembly.GetReferencedAssemblies()
        .Where(a => a.Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        .Select(a => a.FullName)
        .Order(StringComparer.Ordinal));
}
