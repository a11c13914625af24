using System.Diagnostics;
using System.Runtime;

namespace Procurator.Diagnostics;

/// <summary>
/// Times the steps of a command for <c>-v</c>: wall time, and how many methods the JIT
/// compiled meanwhile; on a warm run that count is most of the cost (see "Warm runs" in
/// docs/ARCHITECTURE.md).
/// </summary>
internal sealed class StepTimer
{
    private readonly List<StepTime> _steps = [];
    private long _started = Stopwatch.GetTimestamp();
    private long _compiled = JitInfo.GetCompiledMethodCount();
    private TimeSpan _compiling = JitInfo.GetCompilationTime();

    public IReadOnlyList<StepTime> Steps => _steps;

    /// <summary>Ends <paramref name="step"/> now and starts the next one.</summary>
    public void Lap(string step)
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        var compiling = JitInfo.GetCompilationTime();
        _steps.Add(new StepTime(step, Stopwatch.GetElapsedTime(_started), compiled - _compiled, compiling - _compiling));
        _started = Stopwatch.GetTimestamp();
        _compiled = compiled;
        _compiling = compiling;
    }

    public override string ToString() => string.Join(", ", _steps);
}

/// <summary>One timed step: <c>validate 12 ms (40 jit, 6 ms)</c>, the JIT's share in brackets.</summary>
internal sealed record StepTime(string Step, TimeSpan Time, long JitCompiled, TimeSpan JitTime)
{
    public override string ToString() => $"{Step} {Time.TotalMilliseconds:0} ms ({JitCompiled} jit, {JitTime.TotalMilliseconds:0} ms)";
}
