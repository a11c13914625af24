using System.Reflection;
using System.Runtime.Versioning;

namespace Procurator.Scripting;

/// <summary>
/// What every script is compiled with: the namespaces it sees without a <c>using</c> (the
/// DSL statically) and the assemblies it may use. The compile cache key and the editor
/// files are made from the same lists.
/// </summary>
internal static class ScriptConventions
{
    public static readonly IReadOnlyList<string> Imports =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic",
        "Procurator", "Procurator.Model", "Procurator.Dsl",
    ];

    // The core library, LINQ, collections, IO, regular expressions, and the DSL.
    public static readonly IReadOnlyList<Assembly> References =
    [
        typeof(Dsl).Assembly, typeof(object).Assembly, typeof(Enumerable).Assembly,
        typeof(List<>).Assembly, typeof(File).Assembly, typeof(Console).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        Assembly.Load("System.Runtime"),
    ];

    /// <summary>Options that change the compiled code; part of the cache key.</summary>
    public static string OptionsFingerprint =>
        $"imports={string.Join(',', Imports)};references={string.Join(',', References.Select(a => a.FullName))};unsafe=false;debug=portable-pdb";

    public static Assembly SdkAssembly => typeof(Dsl).Assembly;

    /// <summary>Where the running tool loaded Procurator.Sdk.dll from; its XML docs (hovers) sit beside it.</summary>
    public static string SdkAssemblyPath => SdkAssembly.Location;

    /// <summary>The framework Procurator.Sdk was built for, as a target framework moniker (<c>net10.0</c>).</summary>
    public static string SdkTargetFramework
    {
        get
        {
            // ".NETCoreApp,Version=v10.0" -> "net10.0"
            var version = new FrameworkName(SdkAssembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName).Version;
            return $"net{version.Major}.{version.Minor}";
        }
    }
}
