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

var exitCode = await CliApp.RunAsync(args, CliContext.Console(), cancellation.Token);

// The command is done: end the process even when a script left a foreground thread running
// (returning from Main would wait for it for ever).
Console.Out.Flush();
Console.Error.Flush();
Environment.Exit(exitCode);
return exitCode;
