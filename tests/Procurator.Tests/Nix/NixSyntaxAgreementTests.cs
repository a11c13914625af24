using Procurator.Nix;
using Procurator.Tests.Support;

namespace Procurator.Tests.Nix;

/// <summary>
/// The syntax checker says what the real <c>nix-instantiate --parse</c> (Nix 2.8) says: on every
/// .nix file of the repository, on cuts of the generated flakes, and on hand-written snippets.
/// </summary>
public sealed class NixSyntaxAgreementTests
{
    /// <summary>Cuts per flake: each is one nix process, and the machine is shared.</summary>
    private const int CutsPerFlake = 5;

    [NixFact]
    public async Task Nix_accepts_every_file_the_checker_accepts()
    {
        var nix = NixCli.Require();
        Assert.All(NixCorpus.Files, file => Assert.Null(NixSyntax.Check(NixCorpus.Read(file))));
        var result = await nix.RunAsync(nix.NixInstantiatePath, ["--parse", .. NixCorpus.Files.Select(f => Path.Combine(RepositoryPaths.Root, f))]);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [NixFact]
    public async Task Both_refuse_the_same_cuts_of_generated_flakes()
    {
        var nix = NixCli.Require();
        var cuts = NixCorpus.GeneratedFlakes
            .Select(NixCorpus.Read)
            .SelectMany(text => Enumerable.Range(1, CutsPerFlake).Select(k => text[..(text.Length * k / (CutsPerFlake + 1))]))
            .ToArray();
        await AssertAgreementAsync(nix, cuts);
    }

    [NixFact]
    public async Task Both_agree_on_hand_written_snippets()
    {
        var nix = NixCli.Require();
        await AssertAgreementAsync(nix, [.. NixCorpus.Valid, .. NixCorpus.Invalid]);
    }

    private static async Task AssertAgreementAsync(NixCli nix, IReadOnlyList<string> texts)
    {
        using var folder = new TempDirectory("nix-agreement");
        var disagreements = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, texts.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
        {
            // A file, not -E: an empty text is then still one argument, and nothing is read as a flag.
            var file = folder.Write($"case{i}.nix", texts[i]);
            var nixAccepts = (await nix.ParseAsync(file, token)).ExitCode == 0;
            var error = NixSyntax.Check(texts[i]);
            if (nixAccepts != (error is null))
            {
                var tail = texts[i].Length > 60 ? "…" + texts[i][^60..] : texts[i];
                disagreements.Add($"nix {(nixAccepts ? "accepts" : "refuses")}, checker {(error is null ? "accepts" : $"refuses ({error})")}: {tail}");
            }
        });
        Assert.Empty(disagreements);
    }
}
