using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Procurator.Tests.Support;

/// <summary>
/// Serves doc comments from an XML doc file by member id, as an editor does for hovers:
/// OmniSharp attaches Roslyn's <c>XmlDocumentationProvider</c> (in Workspaces, which the
/// tests do not reference) for the .xml beside each dll; this does the same lookup.
/// </summary>
internal sealed class XmlDocs(string xmlPath) : DocumentationProvider
{
    // Each <member> exactly as the compiler wrote it.
    private readonly Dictionary<string, string> _members = XDocument.Load(xmlPath, LoadOptions.PreserveWhitespace)
        .Descendants("member")
        .ToDictionary(m => (string)m.Attribute("name")!, m => m.ToString(SaveOptions.DisableFormatting), StringComparer.Ordinal);

    protected override string? GetDocumentationForSymbol(
        string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        _members.GetValueOrDefault(documentationMemberID);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}
