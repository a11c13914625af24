namespace Procurator.Supervisor.Machine;

/// <summary>How a start ended: all wanted units ready or completed, or the reason chain of each that is not.</summary>
/// <param name="AllReady">Every wanted unit is Ready or Completed.</param>
/// <param name="Failures">One line per unit that is not: <c>web skipped: api gave up: exit 1 "boom"</c>.</param>
internal sealed record Settlement(bool AllReady, IReadOnlyList<string> Failures);
