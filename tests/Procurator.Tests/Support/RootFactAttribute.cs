using Procurator.Supervisor.Processes;

namespace Procurator.Tests.Support;

/// <summary>A fact that needs root (to chown a file to another user), as CI runs; skipped with a reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (IntegrationEnvironment.SkipReason(OperatingSystem.IsLinux() && Native.UserId == 0, "needs root to give a folder to another user") is { } reason)
        {
            Skip = reason;
        }
    }
}
