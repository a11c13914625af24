namespace Procurator.Supervisor.Logs;

/// <summary>
/// Replaces a unit's secret values in its output with <c>***</c> before anything sees a line
/// (the console, the log files, the REASON of <c>status</c>), as CI runners mask theirs: a
/// process that prints its password does not put it in Procurator's logs. Values shorter than
/// <see cref="MinimumLength"/> are not masked (masking every "1" would garble logs, not protect).
/// </summary>
internal sealed class SecretMaskingSink(ILogSink inner, IReadOnlyDictionary<string, string[]> secretsByUnit) : ILogSink
{
    public const int MinimumLength = 4;

    public const string Mask = "***";

    /// <summary><paramref name="inner"/> itself when no unit has a secret worth masking.</summary>
    public static ILogSink Over(ILogSink inner, IEnumerable<(string Unit, IReadOnlyList<string> Secrets)> units)
    {
        var byUnit = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (unit, secrets) in units)
        {
            // Longest first, so a value that contains another is masked whole.
            var values = secrets.Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
            if (values.Length > 0)
            {
                byUnit[unit] = values;
            }
        }

        return byUnit.Count == 0 ? inner : new SecretMaskingSink(inner, byUnit);
    }

    public void Write(LogLine line)
    {
        if (secretsByUnit.TryGetValue(line.Unit, out var secrets))
        {
            var text = line.Text;
            foreach (var secret in secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    text = text.Replace(secret, Mask, StringComparison.Ordinal);
                }
            }

            if (!ReferenceEquals(text, line.Text))
            {
                line = line with { Text = text };
            }
        }

        inner.Write(line);
    }

    public void Flush() => inner.Flush();
}
