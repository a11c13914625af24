using Procurator.Model;
using Procurator.Supervisor.Specs;

namespace Procurator.Supervisor.Tests;

public sealed class RestartPolicyTests
{
    [Fact]
    public void Services_restart_on_failure_and_tasks_never()
    {
        Assert.Equal(RestartMode.OnFailure, RestartPolicy.DefaultFor(UnitRole.Service).Mode);
        Assert.Equal(RestartMode.No, RestartPolicy.DefaultFor(UnitRole.Task).Mode);
    }

    [Fact]
    public void Backoff_bounds_and_give_up_window_are_the_documented_ones()
    {
        var policy = RestartPolicy.For(RestartMode.Always);
        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.InitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.MaxBackoff);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.StableAfter);
        Assert.Equal((10, TimeSpan.FromMinutes(5)), (policy.MaxFailures, policy.FailureWindow));
    }
}
