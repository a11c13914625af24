using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

internal sealed partial class WorkspaceValidator
{
    /// <summary>The most copies <c>Replicas(...)</c> takes: more is a typo, not a deployment of one workspace.</summary>
    internal const int MaxReplicas = 1000;

    private static readonly string[] QuantitySuffixes = ["", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary><c>Image</c>, <c>Replicas</c> and <c>Resources</c>, which only an export reads, checked on every run all the same.</summary>
    private void CheckDeploySettings()
    {
        foreach (var project in _declarations.Projects)
        {
            if (project.ImageSetting is { } image && ImageProblem(image.Value) is { } problem)
            {
                Error(ErrorCodes.InvalidImage, $"Image(\"{Show(image.Value)}\") of project '{project.Name}' is not an image reference such as registry.example.com/team/api:1.4: {problem}", image.Site);
            }

            if (project.ReplicasSetting is { Value: < 0 or > MaxReplicas } replicas)
            {
                Error(ErrorCodes.InvalidDeploySetting, $"Replicas({replicas.Value}) of project '{project.Name}' must be between 0 and {MaxReplicas}", replicas.Site);
            }

            if (project.ResourcesSetting is { } resources)
            {
                CheckQuantity($"cpu of project '{project.Name}'", resources.Value.Cpu, "250m or 1", resources.Site);
                CheckQuantity($"memory of project '{project.Name}'", resources.Value.Memory, "256Mi or 1Gi", resources.Site);
                if (resources.Value is { Cpu: null, Memory: null })
                {
                    Error(ErrorCodes.InvalidDeploySetting, $"Resources() of project '{project.Name}' names neither cpu nor memory", resources.Site);
                }
            }
        }
    }

    private void CheckQuantity(string what, string? quantity, string example, ScriptSite site)
    {
        if (quantity is not null && !IsQuantity(quantity))
        {
            Error(ErrorCodes.InvalidDeploySetting, $"{what} '{Show(quantity)}' is not a Kubernetes quantity such as {example}", site);
        }
    }

    /// <summary>A positive Kubernetes quantity: a decimal number, then nothing, <c>m</c>, a decimal (<c>k</c>, <c>M</c>, …) or binary (<c>Ki</c>, <c>Mi</c>, …) suffix.</summary>
    internal static bool IsQuantity(string text)
    {
        var end = 0;
        var dots = 0;
        var digits = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            dots += text[end] == '.' ? 1 : 0;
            digits += text[end] == '.' ? 0 : 1;
            end++;
        }

        return digits > 0 && dots <= 1 && Array.IndexOf(QuantitySuffixes, text[end..]) >= 0 && text.Any(c => c is >= '1' and <= '9');
    }

    /// <summary>Why <paramref name="reference"/> is no image reference (<c>[host[:port]/]path[:tag][@algo:hex]</c>), or null.</summary>
    internal static string? ImageProblem(string reference)
    {
        if (reference.Length == 0)
        {
            return "it is empty";
        }

        if (reference.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "it contains white space";
        }

        var rest = reference;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var digest = rest[(at + 1)..].Split(':');
            if (digest is not [var algorithm, var hex] || algorithm.Length == 0 || hex.Length < 32 || !hex.All(char.IsAsciiHexDigitLower))
            {
                return "the digest after '@' must be an algorithm and lower-case hex, such as sha256:<64 hex digits>";
            }

            rest = rest[..at];
        }

        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            var tag = rest[(colon + 1)..];
            if (tag.Length is 0 or > 128 || !(char.IsAsciiLetterOrDigit(tag[0]) || tag[0] == '_') || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return $"the tag '{tag}' must be letters, digits, '_', '.' and '-' (at most 128)";
            }

            rest = rest[..colon];
        }

        var segments = rest.Split('/');
        // The first segment is a registry host when it looks like one (a dot, a port, or localhost).
        var first = segments.Length > 1 && (segments[0].Contains('.', StringComparison.Ordinal) || segments[0].Contains(':', StringComparison.Ordinal) || segments[0] == "localhost") ? 1 : 0;
        for (var i = first; i < segments.Length; i++)
        {
            if (!IsImagePathSegment(segments[i]))
            {
                return $"'{segments[i]}' must be lower-case letters and digits, separated by '.', '_', '__' or '-'";
            }
        }

        return null;
    }

    private static bool IsImagePathSegment(string segment) =>
        segment.Length > 0
        && IsLowerAlnum(segment[0]) && IsLowerAlnum(segment[^1])
        && segment.All(c => IsLowerAlnum(c) || c is '.' or '_' or '-');
}
