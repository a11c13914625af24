using System.Globalization;
using System.Text.RegularExpressions;
using Procurator.Model;
using Procurator.Supervisor.Machine;
using Procurator.Supervisor.Orchestration;
using Procurator.Supervisor.Specs;
using Procurator.Supervisor.Tests.Support;

namespace Procurator.Supervisor.Tests.Integration;

/// <summary>A unit that crashes at once, restarted with backoff by the real clock until it gives up.</summary>
public sealed partial class CrashLoopIntegrationTests
{
    private static readonly RestartPolicy Short = new(
        RestartMode.OnFailure,
        InitialBackoff: TimeSpan.FromMilliseconds(100),
        MaxBackoff: TimeSpan.FromMilliseconds(800),
        StableAfter: TimeSpan.FromMinutes(1),
        MaxFailures: 4,
        FailureWindow: TimeSpan.FromMinutes(1))
    {
        // The backoff under test needs more restarts than the early-exit rule allows.
        EarlyExitLimit = 100,
    };

    [ProcessFact]
    public async Task A_crash_loop_backs_off_exponentially_gives_up_and_skips_its_dependent()
    {
        await using var stack = new RealStack(
        [
            // With no readiness probe a unit is ready as soon as it runs, however briefly; this one
            // waits for a line it never prints, so only its exit counts.
            RealUnits.Service("flaky", "echo boom; exit 1") with { Restart = Short, Readiness = new LogLineProbe("^listening$") },
            RealUnits.Service("web", "exec sleep 1000", "flaky"),
        ]);

        await stack.Orchestrator.StartAsync();
        var settled = await Poll.WithinAsync(stack.Orchestrator.WaitUntilReadyAsync());

        Assert.False(settled.AllReady);
        Assert.Equal(["flaky gave up: exit 1: boom", "web skipped: flaky gave up: exit 1: boom"], settled.Failures);
        var flaky = stack.Status("flaky");
        Assert.Equal((UnitState.GaveUp, 4, new Processes.ProcessExit(1, null)), (flaky.State, flaky.Restarts, flaky.LastExit));
        var web = stack.Status("web");
        Assert.Equal(UnitState.Skipped, web.State);
        Assert.Contains("gave up", web.Reason, StringComparison.Ordinal);
        Assert.Contains("exit 1: boom", web.Reason, StringComparison.Ordinal);
        Assert.Null(web.Pid);
        Assert.DoesNotContain(stack.ChangesOf("web"), c => c.To == UnitState.Starting);

        // Five spawns, each failure but the last followed by a backoff; MaxFailures 4 means the fifth gives up.
        var changes = stack.ChangesOf("flaky");
        var backoffs = changes.Where(c => c.To == UnitState.Backoff).ToList();
        var spawns = changes.Where(c => c.To == UnitState.Starting).ToList();
        Assert.Equal(4, backoffs.Count);
        Assert.Equal(5, spawns.Count);
        Assert.Equal(UnitState.GaveUp, changes[^1].To);

        // The announced delays double from 100 ms up to the 800 ms cap; jitter only shortens, by at most 20%.
        var announced = backoffs.Select(b => Announced(b.Reason)).ToList();
        for (var i = 0; i < announced.Count; i++)
        {
            var nominal = Math.Min(100 * Math.Pow(2, i), 800);
            Assert.InRange(announced[i], Math.Floor(nominal * 0.8), nominal);
            Assert.StartsWith("exit 1: boom; restart in ", backoffs[i].Reason, StringComparison.Ordinal);
        }

        // Measured from the events: each restart waited at least its backoff (a timer never fires
        // early; 15 ms allows for clock granularity), so each wait is at least 1.6x the nominal
        // delay before it. No upper bound: how late a timer fires on a busy machine is not asserted.
        var waits = backoffs.Select((b, i) => (spawns[i + 1].At - b.At).TotalMilliseconds).ToList();
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.True(waits[i] >= announced[i] - 15, $"restart {i + 1} came after {waits[i]:0} ms, before its backoff of {announced[i]} ms");
        }

        var gaps = spawns.Zip(spawns.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).ToList();
        for (var i = 0; i < gaps.Count; i++)
        {
            Assert.True(gaps[i] >= (0.8 * Math.Min(100 * Math.Pow(2, i), 800)) - 15, $"gap {i} between spawns was {gaps[i]:0} ms: {string.Join(", ", gaps.Select(g => g.ToString("0", CultureInfo.InvariantCulture)))}");
        }
    }

    private static double Announced(string reason) =>
        double.Parse(RestartIn().Match(reason).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"restart in (\d+)ms$")]
    private static partial Regex RestartIn();
}
