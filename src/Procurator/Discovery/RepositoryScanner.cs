namespace Procurator.Discovery;

/// <summary>
/// <c>procurator init [DIR]</c>'s scan: walks the folder, finds projects from their manifests,
/// folds workspace members into their workspace, reads GitHub Actions workflows and (through
/// <see cref="IComposeServiceSource"/>) compose files for services, and names everything as the
/// validator accepts. Reads only; writes nothing.
/// </summary>
internal sealed class RepositoryScanner(IComposeServiceSource compose)
{
    private static readonly string[] Manifests =
    [
        "Cargo.toml", "package.json", "pyproject.toml", "go.mod", "go.work", "pom.xml", "build.gradle", "build.gradle.kts",
        "settings.gradle", "settings.gradle.kts", "Gemfile", "composer.json",
    ];

    private static readonly string[] ComposeFiles = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    private static readonly Action<ProbeContext>[] Probes =
    [
        TaskRunnerProbe.Probe, RustProbe.Probe, NodeProbe.Probe, PythonProbe.Probe, GoProbe.Probe, DotnetProbe.Probe, JvmProbe.Probe, RubyPhpProbe.Probe,
    ];

    public ScanResult Scan(string root)
    {
        // 1. Walk; every repository (a .git marker, and the scanned folder itself) owns what is under it.
        var log = new DiscoveryLog(Path.GetFullPath(root));
        var walked = DirectoryWalker.Walk(log.Root);
        var repositories = walked.Where(d => d.IsRepository || d.Path == ".").Select(d => d.Path).ToArray();
        string RepositoryOf(string path) => repositories.Where(r => IsUnder(path, r)).MaxBy(r => r.Length)!;

        // 2. A folder with a manifest is a project; probes fill it in.
        var drafts = new List<ProjectDraft>();
        foreach (var directory in walked.Where(IsProject))
        {
            var draft = new ProjectDraft(directory.Path, RepositoryOf(directory.Path));
            var context = new ProbeContext(draft, directory.Files, directory.Directories, log);
            foreach (var probe in Probes)
            {
                try
                {
                    Guarded(log, () => probe(context));
                }
                catch (Exception exception) when (exception is (IOException and not IO.UnreadableFileException) or UnauthorizedAccessException)
                {
                    // A plain-text file a probe reads (Makefile, .nvmrc): reported at the folder, the message names the file.
                    StructuredFiles.Unreadable(log, directory.Path, exception);
                }
            }

            if (draft.Languages.Count > 0)
            {
                drafts.Add(draft);
            }
        }

        // 3. Workspace members fold into their workspace, deepest workspaces first.
        var members = new HashSet<ProjectDraft>();
        foreach (var workspace in drafts.Where(d => d.MemberGlobs.Count > 0).OrderByDescending(d => d.Path.Count(c => c == '/')).ThenBy(d => d.Path, StringComparer.Ordinal))
        {
            foreach (var candidate in drafts.Where(d => d != workspace && !members.Contains(d) && IsUnder(d.Path, workspace.Path)))
            {
                var relative = workspace.Path == "." ? candidate.Path : candidate.Path[(workspace.Path.Length + 1)..];
                var glob = workspace.MemberGlobs.FirstOrDefault(g => candidate.Languages.Contains(g.Ecosystem) && Globs.Matches(g.Glob, relative));
                if (glob.Glob is not null)
                {
                    members.Add(candidate);
                    workspace.Member(relative, glob.Ecosystem);
                }
            }
        }

        var projects = drafts.Where(d => !members.Contains(d)).ToList();

        // 4. Services: compose files (through the seam) and workflow service containers; workflow checks join their projects.
        var services = new ServiceTable(log);
        foreach (var directory in walked)
        {
            foreach (var file in ComposeFiles.Where(directory.Files.Contains))
            {
                var relative = Join(directory.Path, file);
                log.Fact(directory.Path, "compose file", new SourceRef(relative));
                var read = compose.Read(Path.Combine(log.Root, relative), relative);
                foreach (var diagnostic in read.Diagnostics)
                {
                    log.Add(diagnostic);
                }

                var names = read.Services.Select(services.Add).ToArray();
                foreach (var project in projects.Where(p => p.Repository == RepositoryOf(directory.Path) && IsUnder(p.Path, directory.Path)))
                {
                    foreach (var name in names)
                    {
                        project.DependsOn(name, new SourceRef(relative));
                    }
                }
            }

            if (directory.Path.EndsWith(".github/workflows", StringComparison.Ordinal) || directory.Path == ".github/workflows")
            {
                var repository = directory.Path == ".github/workflows" ? "." : directory.Path[..^"/.github/workflows".Length];
                foreach (var file in directory.Files.Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    Guarded(log, () => Workflow(log, Join(directory.Path, file), repository, projects, services));
                }
            }
        }

        // 5. Names the validator accepts, unique across projects and services; ports unique too.
        var taken = new HashSet<string>(services.Names, StringComparer.Ordinal);
        var rootName = Path.GetFileName(log.Root.TrimEnd(Path.DirectorySeparatorChar));
        var ordered = projects.OrderBy(p => p.Path, StringComparer.Ordinal).ToArray();
        var findings = ordered.SelectMany(p => p.Findings).Concat(log.Findings).ToList();
        var frozen = ordered
            .Select(p => p.Freeze(Naming.Unique(Naming.Sanitize(p.ManifestName ?? (p.Path == "." ? rootName : p.Path.Split('/')[^1]), "project"), taken)))
            .ToArray();
        var (finalServices, finalProjects) = services.AssignPorts(frozen, findings);
        return new ScanResult(log.Root, finalProjects, finalServices, findings, log.Diagnostics);
    }

    /// <summary>Runs a step that reads files; one that is not a regular file, or too large, is an error at that file.</summary>
    private static void Guarded(DiscoveryLog log, Action step)
    {
        try
        {
            step();
        }
        catch (IO.UnreadableFileException exception)
        {
            var relative = Path.GetRelativePath(log.Root, exception.Path).Replace('\\', '/');
            log.Error(Diagnostics.ErrorCodes.UnsupportedFile, $"{relative} {exception.Reason}; it was not read", relative, 1, 1);
        }
    }

    private static void Workflow(DiscoveryLog log, string file, string repository, List<ProjectDraft> projects, ServiceTable services)
    {
        var inRepository = projects.Where(p => p.Repository == repository).ToArray();
        ProjectDraft? At(string folder) =>
            inRepository.Where(p => IsUnder(Join(repository, folder), p.Path)).MaxBy(p => p.Path.Length);

        foreach (var job in GithubActionsProbe.Read(log, file))
        {
            // Checks join the project whose folder they run in.
            var touched = new HashSet<ProjectDraft>();
            foreach (var (name, command, folder, source) in job.Checks)
            {
                if (At(folder) is { } project)
                {
                    project.Check(name, command, source, " (a workflow run step)");
                    touched.Add(project);
                }
            }

            foreach (var folder in job.Directories.Where(d => d != "."))
            {
                if (At(folder) is { } project)
                {
                    touched.Add(project);
                }
            }

            // The job's service containers are needed by the projects it works on, else by every project of the repository.
            var names = job.Services.Select(services.Add).ToArray();
            foreach (var project in touched.Count > 0 ? touched.ToArray() : inRepository)
            {
                foreach (var (name, service) in names.Zip(job.Services))
                {
                    project.DependsOn(name, service.Source);
                }
            }
        }
    }

    private static bool IsProject(WalkedDirectory directory) =>
        Manifests.Any(directory.Files.Contains)
        || directory.Files.Any(f => (f.StartsWith("requirements", StringComparison.Ordinal) && f.EndsWith(".txt", StringComparison.Ordinal))
            || f.EndsWith(".sln", StringComparison.Ordinal) || DotnetProbe.IsProjectFile(f));

    private static bool IsUnder(string path, string folder) =>
        folder == "." || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    private static string Join(string folder, string name) => folder == "." ? name : $"{folder}/{name}";
}
