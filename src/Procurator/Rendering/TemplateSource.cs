using Scriban;

namespace Procurator.Rendering;

/// <summary>
/// Loads a Scriban template by name: from <c>--templates DIR</c> when given and the file
/// is there, else the copy embedded in this assembly. Parsed only when asked for.
/// </summary>
internal sealed class TemplateSource(string? overrideDirectory)
{
    public Template Load(string name)
    {
        var (text, origin) = Read(name);
        // Only CRLF from a Windows checkout is normalized: ReplaceLineEndings would also turn
        // U+2028 and form feeds inside the template into newlines.
        var template = Template.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal), origin);
        if (template.HasErrors)
        {
            throw RenderingException.BadTemplate(origin, string.Join(Environment.NewLine, template.Messages));
        }

        return template;
    }

    private (string Text, string Origin) Read(string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, name);
            if (File.Exists(path))
            {
                return (File.ReadAllText(path), path);
            }
        }

        var resource = $"templates/{name}";
        using var stream = typeof(TemplateSource).Assembly.GetManifestResourceStream(resource)
            ?? throw RenderingException.MissingTemplate(resource);
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), resource);
    }
}
