using System.Text.RegularExpressions;

namespace Procurator.Supervisor.Orchestration;

/// <summary>
/// The recent stderr lines of one unit, to pick the line that explains a failure: the first of
/// them that looks like an error (the cause usually comes before its consequences, such as npm's
/// closing <c>A complete log of this run…</c> or a stack trace), else the last stderr line.
/// Thread-safe: written from the runner's threads, read on the loop.
/// </summary>
internal sealed partial class ErrorLines
{
    /// <summary>How many stderr lines are kept: enough for a short trace, few enough that an old error has scrolled away.</summary>
    public const int Window = 20;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;

        lock (_gate)
        {
            if (_lines.Count == Window)
                _lines.Dequeue();
            _lines.Enqueue(text.Trim());
        }
    }

    /// <summary>The explaining line, or null when the unit wrote nothing to stderr lately.</summary>
    public string? Explaining()
    {
        lock (_gate)
        {
            return _lines.FirstOrDefault(l => LooksLikeError().IsMatch(l)) ?? _lines.LastOrDefault();
        }
    }

    [GeneratedRegex(@"\b(error|fatal|failed|failure|cannot|can't|could not|not found|no such|denied|refused|exception|panic|invalid|in use)\b|\berr\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeError();
}
