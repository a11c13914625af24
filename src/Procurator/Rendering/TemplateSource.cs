using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Procurator.Rendering;

/// <summary>
/// Loads and renders a Scriban template by name: from <c>--templates DIR</c> when given and
/// the file is there, else the copy embedded in this assembly. Parsed only when asked for.
/// </summary>
internal sealed class TemplateSource(string? overrideDirectory)
{
    /// <summary>
    /// Renders <paramref name="name"/> with <paramref name="view"/> as its globals. The embedded
    /// templates call no Scriban builtins, so they get none: building the builtin functions
    /// (hundreds of methods, by reflection) costs more than the rest of a render. A template
    /// from <c>--templates</c> gets them all.
    /// </summary>
    public string Render(string name, ScriptObject view)
    {
        var (template, overridden) = Load(name);
        var context = new TemplateContext(overridden ? TemplateContext.GetDefaultBuiltinObject() : new ScriptObject())
        {
            StrictVariables = true,
            NewLine = "\n",
            LoopLimit = int.MaxValue, // a big workspace has thousands of shells, exports and apps
            LimitToString = 0, // the default (1 MiB) silently cut big flakes, and the embedded graph page, with "..."
        };
        context.PushGlobal(view);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException exception)
        {
            throw RenderingException.RenderFailed(template.SourceFilePath ?? name, exception.Message);
        }
    }

    private (Template Template, bool Overridden) Load(string name)
    {
        var (text, origin, overridden) = Read(name);
        // Only CRLF from a Windows checkout is normalized: ReplaceLineEndings would also turn
        // U+2028 and form feeds inside the template into newlines.
        var template = Template.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal), origin);
        if (template.HasErrors)
        {
            throw RenderingException.BadTemplate(origin, string.Join(Environment.NewLine, template.Messages));
        }

        return (template, overridden);
    }

    private (string Text, string Origin, bool Overridden) Read(string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, name);
            if (File.Exists(path))
            {
                return (File.ReadAllText(path), path, true);
            }
        }

        var resource = $"templates/{name}";
        using var stream = typeof(TemplateSource).Assembly.GetManifestResourceStream(resource)
            ?? throw RenderingException.MissingTemplate(resource);
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), resource, false);
    }
}
