namespace Procurator.Model;

/// <summary>Names the master flake takes for itself: flake inputs and dev shells share a namespace with projects.</summary>
internal static class ReservedNames
{
    /// <summary>The master flake's own inputs, which no external may be called.</summary>
    public static bool IsFlakeInput(string name) => name is "nixpkgs" or "self";

    /// <summary>A flake input or the default dev shell, which no project may be called (nor a generated name be).</summary>
    public static bool IsTaken(string name) => name is "default" || IsFlakeInput(name);
}
