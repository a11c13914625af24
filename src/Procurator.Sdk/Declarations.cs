using Procurator.Model;

namespace Procurator;

/// <summary>Something a project can depend on: a project, a service or an external project.</summary>
public interface IDependencyTarget
{
    /// <summary>The name dependencies refer to.</summary>
    string Name { get; }
}

/// <summary>A dependency as written: the name, the builder when one was passed, and where.</summary>
internal sealed record DependencyDeclaration(string Name, IDependencyTarget? Target, ScriptSite Site, WaitFor? Condition = null);

/// <summary>A value set by a DSL verb, with where it was set.</summary>
internal sealed record Located<T>(T Value, ScriptSite Site);

/// <summary>An env var as written, with where it was set.</summary>
internal sealed record EnvDeclaration(string Key, string Value, ScriptSite Site);

/// <summary>A process as written, with where it was declared.</summary>
internal sealed record ProcessDeclaration(string Name, string Command, ScriptSite Site, bool OneShot = false);

/// <summary>A secret env var: its value is read when <c>procurator up</c> starts, never written anywhere.</summary>
internal sealed record SecretDeclaration(string Name, string? Command, ScriptSite Site);
