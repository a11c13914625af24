using Procurator.Tests.Support;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 19: what a diagnostic quotes is printed with its control characters as escapes, on one line.</summary>
public sealed class VisibleControlCharacterTests
{
    [Fact]
    public async Task Escapes_and_line_breaks_in_a_policy_message_are_shown_not_interpreted()
    {
        using var dir = new TempDirectory();
        dir.Write("procurator.csx", """
            Project("api", ".");
            Policy("loud", (w, r) => r.Error(w.Projects[0], "red \u001b[31m\n::error::forged"));
            """);

        var check = await CliRun.InAsync(dir.Path, "check", "--no-nix");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error loud: ", check.Stderr, StringComparison.Ordinal);
        Assert.Contains("red \\u001b[31m\\n::error::forged", check.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', check.Stderr);
        Assert.DoesNotContain("\n::error::", check.Stderr, StringComparison.Ordinal);
    }
}
