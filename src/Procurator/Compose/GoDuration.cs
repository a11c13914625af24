using System.Globalization;

namespace Procurator.Compose;

/// <summary>Durations as Go writes them, which Compose uses: <c>1m30s</c>, <c>500ms</c>, <c>1.5s</c>, <c>10us</c>, <c>0</c>.</summary>
internal static class GoDuration
{
    /// <summary>The duration in seconds, or null when <paramref name="text"/> is not a Go duration (or is negative).</summary>
    public static double? TryParseSeconds(string text)
    {
        if (text == "0")
        {
            return 0;
        }

        double total = 0;
        var i = text.StartsWith('+') ? 1 : 0;
        if (i >= text.Length)
        {
            return null;
        }

        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            double? scale = text[unitStart..i] switch
            {
                "ns" => 1e-9,
                "us" or "µs" or "μs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (scale is null)
            {
                return null;
            }

            total += number * scale.Value;
        }

        return double.IsFinite(total) ? Math.Round(total, 9) : null;
    }
}
