using System.Runtime.InteropServices;
using Procurator.Cli;

using var cancellation = new CancellationTokenSource();

// Ctrl-C (and Ctrl-\) cancel the command instead of killing the process. A POSIX signal
// registration rather than Console.CancelKeyPress, which sets up the terminal first: that
// alone was a tenth of a warm `procurator run`.
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Cancel);

// Nothing the caller left open (a flock'd file) reaches what we start: the detached manager, units, nix, git.
Procurator.Supervisor.Processes.InheritedDescriptors.MarkCloseOnExec();

// stdout belongs to Procurator (`--format json`, `eval --json`, `graph`): whatever a script or
// a policy prints with Console goes to stderr, so it can never break what a tool parses.
var cli = CliContext.Console();
Console.SetOut(cli.Error);
var exitCode = await CliApp.RunAsync(args, cli, cancellation.Token);

// The command is done: end the process even when a script left a foreground thread running
// (returning from Main would wait for it for ever).
cli.Out.Flush();
cli.Error.Flush();
Environment.Exit(exitCode);
return exitCode;
