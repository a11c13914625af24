namespace Procurator.Supervisor.Tests.Support;

/// <summary>Waits for a condition with a generous deadline; the machine may be busy.</summary>
internal static class Poll
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? deadline = null)
    {
        var end = DateTime.UtcNow + (deadline ?? Deadline);
        while (!condition())
        {
            if (DateTime.UtcNow > end)
                return false;
            await Task.Delay(20);
        }

        return true;
    }

    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan? deadline = null) =>
        await task.WaitAsync(deadline ?? Deadline);

    public static async Task WithinAsync(Task task, TimeSpan? deadline = null) =>
        await task.WaitAsync(deadline ?? Deadline);
}
