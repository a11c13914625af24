using System.CommandLine;
namespace Procurator.Cli.Commands;

/// <summary><c>procurator cache clear|dir</c>: manage the compile cache.</summary>
internal static class CacheCommand
{
    public static Command Create(CliContext cli)
    {
        var clear = new Command("clear", "Delete every cached compiled script");
        clear.SetAction(async _ =>
        {
            var cache = cli.Cache();
            var removed = cache.Clear();
            await cli.Out.WriteLineAsync($"removed {removed} compiled script{(removed == 1 ? "" : "s")} from {cache.Directory}");
            return ExitCodes.Ok;
        });

        var dir = new Command("dir", "Print the cache folder (PROCURATOR_CACHE_DIR, else $XDG_CACHE_HOME/procurator, else ~/.cache/procurator)");
        dir.SetAction(async _ =>
        {
            await cli.Out.WriteLineAsync(cli.Cache().Directory);
            return ExitCodes.Ok;
        });

        return new Command("cache", "The compile cache: compiled scripts are reused while the script, its #load files, the SDK and the runtime are unchanged")
        {
            clear,
            dir,
        };
    }
}
