using Procurator.Rendering;

namespace Procurator.Output;

/// <summary>
/// How a rendered file is parsed before it is written (see <see cref="GeneratedFileCheck"/>):
/// a file that does not parse throws <see cref="RenderingException"/>, and nothing is written.
/// </summary>
internal sealed class FileSyntax
{
    private readonly Action<string, string> _check;

    private FileSyntax(Action<string, string> check) => _check = check;

    /// <summary>Nix, by Procurator's own syntax checker.</summary>
    public static FileSyntax Nix { get; } = new((label, content) => GeneratedFileCheck.Nix(label, content));

    public static FileSyntax Json { get; } = new((label, content) => GeneratedFileCheck.Json(label, content));

    public static FileSyntax Yaml { get; } = new((label, content) => GeneratedFileCheck.Yaml(label, content));

    /// <summary>A text of fixed lines and quoted values, which only a cut can break: it must end with <paramref name="ending"/>.</summary>
    public static FileSyntax EndingWith(string ending) => new((label, content) => GeneratedFileCheck.EndsWith(label, content, ending));

    /// <summary>Throws <see cref="RenderingException"/> when <paramref name="content"/> does not parse.</summary>
    public void Check(string label, string content) => _check(label, content);
}
