namespace Procurator.Model;

/// <summary>What one copy of a project asks for when deployed, as Kubernetes quantities; null: not said.</summary>
/// <param name="Cpu">CPU requested, such as <c>250m</c> or <c>1</c>.</param>
/// <param name="Memory">Memory requested and the limit, such as <c>256Mi</c>.</param>
public sealed record ResourceRequest(string? Cpu, string? Memory);
