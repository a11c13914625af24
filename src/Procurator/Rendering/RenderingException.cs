namespace Procurator.Rendering;

/// <summary>
/// A broken template, or generated text that does not parse: a fault of the installation, of
/// <c>--templates</c> or of Procurator itself, never of the script.
/// </summary>
internal sealed class RenderingException : Exception
{
    private RenderingException(string message)
        : base(message)
    {
    }

    public static RenderingException MissingTemplate(string name) => new($"template '{name}' is missing from the build");

    public static RenderingException BadTemplate(string origin, string errors) => new($"template '{origin}' has errors:{Environment.NewLine}{errors}");

    public static RenderingException RenderFailed(string origin, string message) => new($"template '{origin}' failed to render: {message}");

    public static RenderingException DoesNotParse(string file, string language, int line, int column, string message) =>
        new($"generated {file} does not parse as {language} at line {line}, column {column}: {message}");
}
