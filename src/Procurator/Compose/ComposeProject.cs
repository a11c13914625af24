namespace Procurator.Compose;

/// <summary>A loaded compose file: its services sorted by name, with includes and extends resolved.</summary>
internal sealed record ComposeProject(string File, IReadOnlyList<ComposeService> Services);
