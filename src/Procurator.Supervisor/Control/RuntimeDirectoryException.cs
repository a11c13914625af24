namespace Procurator.Supervisor.Control;

/// <summary>The runtime folder is not private (another user's, a link, or wider than 0700): nothing is started or asked.</summary>
public sealed class RuntimeDirectoryException(string message) : Exception(message);
