using System.Globalization;

namespace Procurator.Supervisor.Processes;

/// <summary>
/// The guardian's <c>/bin/sh</c> program. It reads <c>+ID</c> (watch) and <c>-ID</c> (release)
/// lines from stdin; at end of file (the manager is gone, even by SIGKILL) it sends TERM to
/// every watched group and session that still has a member, waits up to the grace period
/// for them to go, then sends KILL.
/// </summary>
internal static class GuardianScript
{
    public static string For(TimeSpan grace)
    {
        var ticks = Math.Max(1, (int)Math.Ceiling(grace.TotalMilliseconds / 100)).ToString(CultureInfo.InvariantCulture);
        return $$"""
            exec >/dev/null 2>&1
            trap '' INT TERM HUP
            watched=" "
            while IFS= read -r line; do
              case "$line" in
                +*) watched="$watched${line#+} " ;;
                -*) id=${line#-}; kept=" "
                    for w in $watched; do [ "$w" = "$id" ] || kept="$kept$w "; done
                    watched=$kept ;;
              esac
            done
            alive() {
              for w in $watched; do kill -s 0 -- "-$w" && return 0; done
              return 1
            }
            signal() {
              for w in $watched; do
                kill -s "$1" -- "-$w"
                command -v pkill >/dev/null && pkill "-$1" -s "$w"
              done
            }
            alive || exit 0
            signal TERM
            i=0
            while [ "$i" -lt {{ticks}} ] && alive; do sleep 0.1; i=$((i + 1)); done
            signal KILL
            """;
    }
}
