namespace Procurator.Supervisor.Planning;

/// <summary>How a dependency's name becomes the prefix of <c>&lt;DEP&gt;_HOST</c> and <c>&lt;DEP&gt;_PORT</c>.</summary>
internal static class EnvNames
{
    /// <summary>Upper case, every character outside A-Z and 0-9 as <c>_</c> (the rule of namespaced env vars).</summary>
    public static string Prefix(string name) =>
        string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.ToUpperInvariant(source[i]);
                span[i] = c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_';
            }
        });
}
