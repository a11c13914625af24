using System.Text;

namespace Procurator.Scripting;

/// <summary>
/// One compile-cache entry: the assembly and PDB files, and every file the script was made
/// from with its hash. Stored as plain lines rather than JSON because reading it is on the
/// path of every warm run, and a JSON serializer costs more to start than all of this:
/// <code>
/// procurator-compiled-script 2
/// assembly KEY-HASH.dll
/// pdb KEY-HASH.pdb
/// source HASH /path/to/procurator.csx
/// reference HASH /path/to/Some.dll
/// </code>
/// A path is the rest of its line, spaces included; one with a line break is never written.
/// </summary>
internal sealed record CacheManifest(string Assembly, string Pdb, SourceDependency[] Sources, SourceDependency[] References)
{
    public const string Extension = ".manifest";
    private const string Header = "procurator-compiled-script 2";

    /// <summary>The manifest text, or null when a path cannot be written on one line.</summary>
    public string? Write()
    {
        var text = new StringBuilder().Append(Header).Append('\n')
            .Append("assembly ").Append(Assembly).Append('\n')
            .Append("pdb ").Append(Pdb).Append('\n');
        foreach (var (kind, dependencies) in new[] { ("source", Sources), ("reference", References) })
        {
            foreach (var dependency in dependencies)
            {
                if (dependency.Path.AsSpan().IndexOfAny('\n', '\r') >= 0)
                {
                    return null;
                }

                text.Append(kind).Append(' ').Append(dependency.Hash).Append(' ').Append(dependency.Path).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The manifest in <paramref name="text"/>, or null when it is not one (torn, foreign or another format).</summary>
    public static CacheManifest? Read(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0] != Header || lines[^1].Length != 0
            || Field(lines[1], "assembly") is not { } assembly || Field(lines[2], "pdb") is not { } pdb)
        {
            return null;
        }

        var sources = new List<SourceDependency>();
        var references = new List<SourceDependency>();
        foreach (var line in lines.AsSpan(3, lines.Length - 4))
        {
            var dependency = Field(line, "source") is { } source ? Dependency(source, sources)
                : Field(line, "reference") is { } reference ? Dependency(reference, references)
                : false;
            if (!dependency)
            {
                return null;
            }
        }

        return new CacheManifest(assembly, pdb, sources.ToArray(), references.ToArray());
    }

    private static string? Field(string line, string name) =>
        line.Length > name.Length + 1 && line.StartsWith(name, StringComparison.Ordinal) && line[name.Length] == ' '
            ? line[(name.Length + 1)..]
            : null;

    private static bool Dependency(string field, List<SourceDependency> into)
    {
        var space = field.IndexOf(' ');
        if (space <= 0 || space == field.Length - 1)
        {
            return false;
        }

        into.Add(new SourceDependency(field[(space + 1)..], field[..space]));
        return true;
    }
}
