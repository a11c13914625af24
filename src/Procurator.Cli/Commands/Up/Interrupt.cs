namespace Procurator.Cli.Commands.Up;

/// <summary>What a stop signal received by the foreground <c>up</c> means.</summary>
internal enum Interrupt
{
    /// <summary>The first: stop everything in order.</summary>
    Stop,
    /// <summary>The same Ctrl-C seen again (within <see cref="InterruptCounter.Echo"/> of the first): ignored.</summary>
    Echo,
    /// <summary>A second Ctrl-C: kill everything now.</summary>
    Kill,
}
