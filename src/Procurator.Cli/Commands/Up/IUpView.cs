using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;

namespace Procurator.Cli.Commands.Up;

/// <summary>
/// What a foreground <c>procurator up</c> shows on the console: the aggregated unit logs and the
/// manager's notices, as plain prefixed lines (<see cref="PlainUpView"/>) or under a live status
/// table (<see cref="LiveStatusView"/>). Log files are written elsewhere, unchanged either way.
/// </summary>
internal interface IUpView : IAsyncDisposable
{
    /// <summary>Where unit log lines go for the console.</summary>
    ILogSink Logs { get; }

    /// <summary>Where the manager's own notices (<c>procurator: …</c>) go.</summary>
    TextWriter Notices { get; }

    /// <summary>Begins showing the units that <paramref name="rows"/> reports.</summary>
    void Start(Func<IReadOnlyList<UnitReport>> rows);

    /// <summary>A unit changed state: show it soon.</summary>
    void Changed();
}
