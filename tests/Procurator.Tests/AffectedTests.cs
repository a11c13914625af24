using System.Diagnostics;
using System.Text.Json;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary><c>procurator affected</c> on a real temporary git repository.</summary>
public sealed class AffectedTests
{
    private const string Script = """
        Project("api", "./services/api").DependsOn("postgres", "lib");
        Project("lib", "./libs/lib");
        Project("web", "./web").DependsOn("api");
        Project("docs", "./docs");
        """;

    [RequiresToolFact("git")]
    public async Task Changed_files_map_to_their_project_and_its_dependents()
    {
        using var repo = await RepositoryAsync();
        repo.Write("libs/lib/src/code.cs", "// changed\n");
        repo.Write("README.md", "not in any project\n");

        var run = await CliRun.InAsync(repo.Path, "affected", "--base", "HEAD", "--format", "json");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["project:lib"], Strings(json.RootElement.GetProperty("changed")));
        Assert.Equal(
            ["project:api 1 project:lib>project:api", "project:web 2 project:lib>project:api>project:web"],
            json.RootElement.GetProperty("affected").EnumerateArray().Select(a =>
                $"{a.GetProperty("id").GetString()} {a.GetProperty("distance").GetInt32()} {string.Join('>', Strings(a.GetProperty("via")))}"));
        Assert.Equal(
            ["README.md: ", "libs/lib/src/code.cs: project:lib"],
            json.RootElement.GetProperty("files").EnumerateArray().Select(f =>
                $"{f.GetProperty("path").GetString()}: {string.Join(',', Strings(f.GetProperty("nodes")))}"));
    }

    [RequiresToolFact("git")]
    public async Task Changing_the_workspace_script_affects_every_project()
    {
        using var repo = await RepositoryAsync();
        repo.Write("procurator.csx", Script + "\n// a comment\n");

        var run = await CliRun.InAsync(repo.Path, "affected", "--base", "HEAD");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(
            "file procurator.csx: workspace file: every project\nchanged: project:api, project:docs, project:lib, project:web\naffected: 0\n",
            run.Stdout);
    }

    [RequiresToolFact("git")]
    public async Task Between_two_commits_with_head()
    {
        using var repo = await RepositoryAsync();
        repo.Write("docs/index.md", "# docs\n");
        await GitAsync(repo.Path, "add", "-A");
        await GitAsync(repo.Path, "commit", "-qm", "docs");
        repo.Write("web/uncommitted.js", "ignored: not between the two commits\n");

        var run = await CliRun.InAsync(repo.Path, "affected", "--base", "HEAD~1", "--head", "HEAD");

        Assert.Equal("file docs/index.md: in project:docs\nchanged: project:docs\naffected: 0\n", run.Stdout);
    }

    [RequiresToolFact("git")]
    public async Task Unknown_revision_is_reported_in_gits_words()
    {
        using var repo = await RepositoryAsync();

        var run = await CliRun.InAsync(repo.Path, "affected", "--base", "no-such-rev");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("no-such-rev", run.Stderr);
    }

    private static async Task<TempDirectory> RepositoryAsync()
    {
        var repo = new TempDirectory("repo");
        repo.Write("procurator.csx", Script);
        repo.Write("services/api/main.cs", "// api\n");
        repo.Write("libs/lib/src/code.cs", "// lib\n");
        repo.Write("web/index.js", "// web\n");
        repo.Write("docs/.keep", "");
        await GitAsync(repo.Path, "init", "-q");
        await GitAsync(repo.Path, "add", "-A");
        await GitAsync(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "initial");
        return repo;
    }

    private static async Task GitAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var stderr = await git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr}");
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
