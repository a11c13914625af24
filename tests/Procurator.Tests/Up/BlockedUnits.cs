using Procurator.Supervisor.Planning.Presets;

namespace Procurator.Tests.Up;

/// <summary>What <c>up</c> says about <c>Service("q").Kind("kafka")</c>, a kind with no local preset.</summary>
internal static class BlockedUnits
{
    // The kinds that have a preset change as presets are added; the rest of the message is fixed.
    public static string NoPreset =>
        $"service 'q': kind 'kafka' has no built-in preset ({ServicePresets.KindsWithOne()}); give it a command, e.g. Service(\"q\").Command(\"…\")";
}
