using Procurator.Supervisor.Control;
using Procurator.Supervisor.Logs;

namespace Procurator.Cli.Commands.Up;

/// <summary>The plain view: prefixed log lines on stdout, notices on stderr, no table (pipes, CI, <c>up -d</c>).</summary>
internal sealed class PlainUpView(ILogSink logs, TextWriter notices) : IUpView
{
    public ILogSink Logs { get; } = logs;

    public TextWriter Notices { get; } = notices;

    public void Start(Func<IReadOnlyList<UnitReport>> rows)
    {
    }

    public void Changed()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
