namespace Procurator.Nix.Locks;

/// <summary>A <c>path:</c> input of the master flake whose folder no longer matches its <c>flake.lock</c> entry.</summary>
/// <param name="Input">The input's name in the master flake (<c>api</c>).</param>
/// <param name="Path">Its folder as the lock says it (<c>./services/api</c>).</param>
internal sealed record StaleInput(string Input, string Path);
