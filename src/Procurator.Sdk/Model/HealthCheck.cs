namespace Procurator.Model;

/// <summary>How Procurator decides that a project or service is healthy.</summary>
/// <param name="Type"><c>tcp</c>, <c>http</c>, <c>exec</c> or <c>log</c>.</param>
/// <param name="Port">The port a <c>tcp</c> check connects to.</param>
/// <param name="Url">The URL an <c>http</c> check requests; 2xx and 3xx answers are healthy.</param>
/// <param name="Command">The shell command an <c>exec</c> check runs; exit code 0 is healthy.</param>
/// <param name="Pattern">The regular expression a <c>log</c> check waits for in the output (readiness only).</param>
public sealed record HealthCheck(string Type, int? Port = null, string? Url = null, string? Command = null, string? Pattern = null)
{
    internal ScriptSite Site { get; init; } = ScriptSite.None;
}
