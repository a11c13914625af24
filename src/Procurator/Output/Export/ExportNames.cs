namespace Procurator.Output.Export;

/// <summary>Names as Kubernetes and compose take them (DNS-1123 labels: lower-case letters, digits and '-', at most 63).</summary>
internal static class ExportNames
{
    public const int MaxLabel = 63;

    /// <summary>Whether <paramref name="name"/> is a DNS-1123 label that starts with a letter (a Service name, DNS-1035).</summary>
    public static bool IsLabel(string name) =>
        name.Length is > 0 and <= MaxLabel
        && char.IsAsciiLetterLower(name[0])
        && (char.IsAsciiLetterLower(name[^1]) || char.IsAsciiDigit(name[^1]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Any text (a workspace's name) as a label: lower case, other characters as '-', trimmed; <c>workspace</c> when nothing is left.</summary>
    public static string Label(string text)
    {
        // A loop, not LINQ over chars: the flake renders image names on every run (see "Warm runs" in docs/ARCHITECTURE.md).
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsAsciiLetterLower(chars[i]) || char.IsAsciiDigit(chars[i]) ? chars[i] : '-';
        }

        var label = new string(chars);
        while (label.Contains("--", StringComparison.Ordinal))
        {
            label = label.Replace("--", "-", StringComparison.Ordinal);
        }

        label = label.Trim('-');
        if (label.Length > MaxLabel)
        {
            label = label[..MaxLabel].TrimEnd('-');
        }

        if (label.Length == 0)
        {
            return "workspace";
        }

        // A label for a Service must start with a letter: "2024-shop" becomes "w-2024-shop".
        return char.IsAsciiLetter(label[0]) ? label : $"w-{label}"[..Math.Min(MaxLabel, label.Length + 2)].TrimEnd('-');
    }
}
