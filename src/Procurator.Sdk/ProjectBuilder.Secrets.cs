using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

public sealed partial class ProjectBuilder
{
    private readonly List<SecretDeclaration> _secrets = [];

    internal IReadOnlyList<SecretDeclaration> SecretList => _secrets;

    /// <summary>
    /// Declares an env var whose value is a secret: the project's processes get it from
    /// <c>procurator up</c>, which reads it when it starts from its own environment, else the
    /// workspace's <c>.env</c> file (keep it git-ignored), else <paramref name="fromCommand"/>'s
    /// output (e.g. <c>pass show shop/payments</c>). The value is never written to a generated
    /// file, a log, a graph page or <c>status</c>; when none of those has it, the project's
    /// units do not start and say why.
    /// </summary>
    /// <example><code>Project("api").Secret("PAYMENTS_KEY");
    /// Project("api").Secret("SMTP_PASSWORD", fromCommand: "pass show shop/smtp");</code></example>
    public ProjectBuilder Secret(string name, string? fromCommand = null, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        _secrets.RemoveAll(s => s.Name == name);
        _secrets.Add(new(name, fromCommand, new ScriptSite(file, line, nameof(Secret))));
        return this;
    }
}
