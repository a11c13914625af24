using Procurator.Kinds;

namespace Procurator.Supervisor.Planning.Presets;

/// <summary>
/// The local presets, by kind. Which kinds have one is a fact of the kind catalogue
/// (<see cref="ServiceKind.LocalPreset"/>); a test checks that this list and the catalogue agree.
/// </summary>
internal static class ServicePresets
{
    public static IReadOnlyList<IServicePreset> All { get; } =
    [
        new MariaDbPreset("mariadb"), new MemcachedPreset(), new MariaDbPreset("mysql"), new NatsPreset(),
        new PostgresPreset(), new RabbitMqPreset(), new RedisPreset(),
    ];

    /// <summary>The preset for <paramref name="kind"/>, or null.</summary>
    public static IServicePreset? For(string? kind) => All.FirstOrDefault(p => p.Kind == kind);

    /// <summary>For a message: <c>postgres and redis do</c>, read from the catalogue.</summary>
    public static string KindsWithOne()
    {
        var kinds = ServiceKindCatalogue.WithLocalPreset;
        return kinds.Count switch
        {
            0 => "no kind does",
            1 => $"{kinds[0]} does",
            _ => $"{string.Join(", ", kinds.Take(kinds.Count - 1))} and {kinds[^1]} do",
        };
    }
}
