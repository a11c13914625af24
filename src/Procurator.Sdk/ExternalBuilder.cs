using Procurator.Model;

namespace Procurator;

/// <summary>A project in another repository, added to the master flake as an input.</summary>
/// <example><code>External("auth", "github:acme/auth");
/// Project("api").DependsOn("auth");</code></example>
public sealed class ExternalBuilder : IDependencyTarget
{
    internal ExternalBuilder(string name, string flakeRef, ScriptSite site)
    {
        Name = name;
        FlakeRef = flakeRef;
        Site = site;
    }

    /// <summary>The name dependencies and shells refer to.</summary>
    public string Name { get; }

    internal string FlakeRef { get; }
    internal ScriptSite Site { get; }
}
