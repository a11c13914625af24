using System.Globalization;
using Procurator.Model;

namespace Procurator.Compose;

/// <summary>
/// Health checks as compose <c>CMD-SHELL</c> commands, both ways: <c>export compose</c> writes a Tcp
/// check as <c>nc -z 127.0.0.1 PORT</c> and an Http check as <c>wget -q -O /dev/null 'URL'</c>, and
/// <c>import compose</c> reads exactly these back as Tcp and Http checks (any other command is Exec),
/// so a workspace survives the round trip. The one place both forms are written.
/// </summary>
internal static class ComposeHealthCommands
{
    private const string TcpPrefix = "nc -z 127.0.0.1 ";
    private const string HttpPrefix = "wget -q -O /dev/null ";

    /// <summary>The command for <paramref name="check"/>; null for a log-line check, which compose cannot run.</summary>
    public static string? Format(HealthCheck check) => check switch
    {
        TcpHealthCheck tcp => TcpPrefix + tcp.Port.ToString(CultureInfo.InvariantCulture),
        HttpHealthCheck http => HttpPrefix + Nix.ShellQuote.Single(http.Url),
        ExecHealthCheck exec => exec.Command,
        _ => null,
    };

    /// <summary>The Tcp or Http check <paramref name="command"/> is in the form <see cref="Format"/> writes, else null.</summary>
    public static HealthCheck? Parse(string command)
    {
        if (command.StartsWith(TcpPrefix, StringComparison.Ordinal)
            && int.TryParse(command.AsSpan(TcpPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return new TcpHealthCheck(port);
        }

        if (command.StartsWith(HttpPrefix, StringComparison.Ordinal) && command.Length > HttpPrefix.Length + 2
            && command[HttpPrefix.Length] == '\'' && command[^1] == '\'' && !command.AsSpan(HttpPrefix.Length + 1, command.Length - HttpPrefix.Length - 2).Contains('\''))
        {
            return new HttpHealthCheck(command[(HttpPrefix.Length + 1)..^1]);
        }

        return null;
    }
}
