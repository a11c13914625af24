using System.Reflection;
using System.Runtime.Loader;

namespace Procurator.Scripting;

/// <summary>
/// A collectible load context for one compiled script, so a long-lived process can
/// evaluate again and again without piling up assemblies. The SDK and the framework come
/// from the default context (the DSL state must be the host's); <c>#r</c> assemblies load here.
/// </summary>
internal sealed class ScriptLoadContext(IEnumerable<string> referencePaths)
    : AssemblyLoadContext("procurator-script", isCollectible: true)
{
    private readonly Dictionary<string, string> _references = referencePaths
        .Where(File.Exists)
        .ToDictionary(p => AssemblyName.GetAssemblyName(p).Name ?? p, StringComparer.Ordinal);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && name != ScriptConventions.SdkAssembly.GetName().Name && _references.TryGetValue(name, out var path)
            ? LoadFromAssemblyPath(path)
            : null;
}
