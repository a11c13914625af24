using Procurator.Diagnostics;
using Procurator.Model;

namespace Procurator.Validation;

/// <summary>
/// Checks a script's declarations and reports every problem at once, each at the script
/// line of the DSL call that caused it. One file per concern: names, dependencies,
/// ports, services, shells, env vars and values.
/// </summary>
internal sealed partial class WorkspaceValidator
{
    private readonly WorkspaceDeclarations _declarations;
    private readonly NameTable _names;
    private readonly WorkspaceLayout _layout;
    private readonly SourceLocator _locator;
    private readonly List<Diagnostic> _diagnostics = [];

    private WorkspaceValidator(WorkspaceDeclarations declarations, NameTable names, WorkspaceLayout layout, SourceLocator locator)
    {
        _declarations = declarations;
        _names = names;
        _layout = layout;
        _locator = locator;
    }

    public static IReadOnlyList<Diagnostic> Validate(
        WorkspaceDeclarations declarations, NameTable names, WorkspaceLayout layout, SourceLocator locator)
    {
        var validator = new WorkspaceValidator(declarations, names, layout, locator);
        validator.CheckNames();
        validator.CheckDuplicates();
        validator.CheckDependencies();
        validator.CheckCycles();
        validator.CheckPorts();
        validator.CheckServices();
        validator.CheckShells();
        validator.CheckEnv();
        validator.CheckConnections();
        validator.CheckValues();
        validator.CheckDeploySettings();
        validator.CheckPaths();
        validator.CheckTeamsAndPolicies();
        return validator._diagnostics
            .OrderBy(d => d.Location?.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();
    }

    private void Error(string code, string message, ScriptSite site) =>
        _diagnostics.Add(Diagnostic.Error(code, message, _locator.Locate(site)));

    private void Warning(string code, string message, ScriptSite site) =>
        _diagnostics.Add(Diagnostic.Warning(code, message, _locator.Locate(site)));

    /// <summary>A user string for a one-line message: control characters escaped, C#-style.</summary>
    private static string Show(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when <paramref name="text"/> is one character <paramref name="first"/> allows, then any
    /// number that <paramref name="rest"/> allows. The name rules are checked with this rather than
    /// regular expressions (see "Warm runs" in docs/ARCHITECTURE.md).
    /// </summary>
    private static bool IsWord(string text, Func<char, bool> first, Func<char, bool> rest)
    {
        if (text.Length == 0 || !first(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!rest(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A site as <c>file(line,col)</c> for messages that point at a second place.</summary>
    private string Where(ScriptSite site)
    {
        if (_locator.Locate(site) is not { } at)
        {
            return "(implicit)";
        }

        var file = DiagnosticFormatter.DisplayPath(at.File, _layout.ScriptDirectory);
        return $"{file}({at.Line},{at.Column})";
    }
}
