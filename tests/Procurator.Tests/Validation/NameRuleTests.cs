using System.Text.RegularExpressions;
using Procurator.Validation;

namespace Procurator.Tests.Validation;

/// <summary>
/// The validator checks names, env keys, systems and package segments by hand, not with
/// regular expressions; on every short string over the characters at the edges of each
/// class they accept exactly what the patterns accept.
/// </summary>
public sealed class NameRuleTests
{
    private const string Alphabet = "aAzZ09`{@[/:-_.+' \n\té";

    public static TheoryData<string, string> Rules() => new()
    {
        { "name", "^[a-z][a-z0-9-]*\\z" },
        { "env key", "^[A-Za-z_][A-Za-z0-9_]*\\z" },
        { "system", "^[a-z0-9_]+-[a-z0-9_]+\\z" },
        { "package segment", "^[A-Za-z0-9_][A-Za-z0-9_'+.-]*\\z" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_accepts_exactly_what_its_pattern_accepts(string rule, string pattern)
    {
        Func<string, bool> check = rule switch
        {
            "name" => WorkspaceValidator.IsName,
            "env key" => WorkspaceValidator.IsEnvKey,
            "system" => WorkspaceValidator.IsSystem,
            _ => WorkspaceValidator.IsPackageSegment,
        };
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);

        var disagreements = ShortStrings(3).Concat(["x86_64-linux", "aarch64-darwin", "nodejs_20", "api-v2", "DATABASE_URL", "g++"])
            .Where(text => check(text) != regex.IsMatch(text))
            .ToArray();

        Assert.Empty(disagreements);
    }

    /// <summary>Every string over <see cref="Alphabet"/> up to <paramref name="maxLength"/> characters, the empty one too.</summary>
    private static List<string> ShortStrings(int maxLength)
    {
        var all = new List<string> { string.Empty };
        List<string> level = [string.Empty];
        for (var length = 1; length <= maxLength; length++)
        {
            level = level.SelectMany(text => Alphabet.Select(c => text + c)).ToList();
            all.AddRange(level);
        }

        return all;
    }
}
