namespace Procurator.Supervisor.Tests.Support;

/// <summary>
/// Tests that measure the whole process's managed heap run alone: tests running beside them would
/// allocate into the same heap and make the figure noise.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
