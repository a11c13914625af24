namespace Procurator.Rendering;

/// <summary>A broken template: a fault of the installation or of <c>--templates</c>, not of the script.</summary>
internal sealed class RenderingException : Exception
{
    private RenderingException(string message)
        : base(message)
    {
    }

    public static RenderingException MissingTemplate(string name) => new($"template '{name}' is missing from the build");

    public static RenderingException BadTemplate(string origin, string errors) => new($"template '{origin}' has errors:{Environment.NewLine}{errors}");

    public static RenderingException RenderFailed(string origin, string message) => new($"template '{origin}' failed to render: {message}");
}
