namespace Procurator.Supervisor.Machine;

/// <summary>Readiness gates dependents once; liveness watches a ready unit until it stops.</summary>
internal enum ProbeKind
{
    Readiness,
    Liveness,
}
