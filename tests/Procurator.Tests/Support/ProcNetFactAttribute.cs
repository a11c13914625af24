namespace Procurator.Tests.Support;

/// <summary>
/// A fact that reads <c>/proc/net/tcp</c> (Linux): skipped with that reason elsewhere, rather
/// than passing without asserting anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ProcNetFactAttribute : FactAttribute
{
    public const string TcpTable = "/proc/net/tcp";

    public ProcNetFactAttribute()
    {
        var reason = IntegrationEnvironment.SkipReason(File.Exists(TcpTable), $"{TcpTable} not found (port holders are named on Linux only)");
        if (reason is not null)
            Skip = reason;
    }
}
