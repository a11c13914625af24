namespace Procurator.Discovery;

/// <summary>A project while the scan fills it in; <see cref="Freeze"/> makes the immutable record.</summary>
internal sealed class ProjectDraft(string path, string repository)
{
    private readonly List<DiscoveryFinding> _findings = [];
    private readonly List<string> _languages = [];
    private readonly List<DiscoveredToolchain> _toolchains = [];
    private readonly List<string> _packages = [];
    private readonly List<DiscoveredCommand> _checks = [];
    private readonly List<DiscoveredCommand> _processes = [];
    private readonly List<int> _ports = [];
    private readonly SortedDictionary<string, string> _env = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _dependsOn = new(StringComparer.Ordinal);
    private readonly List<string> _members = [];
    private readonly Dictionary<string, string> _manifests = new(StringComparer.Ordinal);

    /// <summary>Relative to the scanned folder, <c>/</c>-separated; <c>.</c> for the folder itself.</summary>
    public string Path { get; } = path;

    /// <summary>The repository (folder with a <c>.git</c>, or the scanned folder) that holds it.</summary>
    public string Repository { get; } = repository;

    /// <summary>The name as the manifest gives it (<c>@acme/api</c>), before sanitising; null: the folder's.</summary>
    public string? ManifestName { get; set; }

    public string? PackageManager { get; private set; }

    /// <summary>Member globs of a workspace manifest, per ecosystem (<c>rust</c>: <c>crates/*</c>).</summary>
    public List<(string Ecosystem, string Glob)> MemberGlobs { get; } = [];

    /// <summary>Ecosystems whose manifests this folder holds (<c>node</c>, <c>rust</c>, …).</summary>
    public IReadOnlyList<string> Languages => _languages;

    public IReadOnlyList<DiscoveredCommand> Checks => _checks;

    /// <summary>How findings name it: its path.</summary>
    public string Subject => Path;

    /// <summary>What was found about this project and why, in order.</summary>
    public IReadOnlyList<DiscoveryFinding> Findings => _findings;

    public void Note(string text, SourceRef? source) => _findings.Add(new DiscoveryFinding(Subject, text, source));

    public string File(string name) => Path == "." ? name : $"{Path}/{name}";

    public void Language(string language, string manifest)
    {
        if (!_languages.Contains(language, StringComparer.Ordinal))
        {
            _languages.Add(language);
            _manifests[language] = manifest;
            Note($"{language} project", new SourceRef(File(manifest)));
        }
    }

    public void UsePackageManager(string manager, string why, string fromFile, params string[] packages)
    {
        if (PackageManager is not null)
        {
            return;
        }

        PackageManager = manager;
        Note($"package manager {manager}{why}", new SourceRef(fromFile));
        AddPackages(packages);
    }

    public void Toolchain(string language, string? version, IReadOnlyList<string> packages, string fromFile)
    {
        if (_toolchains.Any(t => t.Language == language))
        {
            return;
        }

        _toolchains.Add(new DiscoveredToolchain(language, version, packages, new SourceRef(fromFile)));
        var shown = version is null ? language : $"{language} {version}";
        Note($"{shown}, nixpkgs {string.Join(" ", packages)}", new SourceRef(fromFile));
        AddPackages(packages);
    }

    public bool HasToolchain(string language) => _toolchains.Any(t => t.Language == language);

    public void AddPackages(IEnumerable<string> packages)
    {
        foreach (var package in packages.Where(p => !_packages.Contains(p, StringComparer.Ordinal)))
        {
            _packages.Add(package);
        }
    }

    /// <summary>Adds a check unless one with that name or command is already there (the first source wins).</summary>
    public void Check(string name, string command, SourceRef source, string? why = null)
    {
        if (_checks.Any(c => c.Name == name || c.Command == command))
        {
            return;
        }

        _checks.Add(new DiscoveredCommand(name, command, source));
        Note($"check {name}: {command}{why}", source);
    }

    public void Process(string name, string command, SourceRef source)
    {
        if (_processes.Any(p => p.Name == name))
        {
            return;
        }

        _processes.Add(new DiscoveredCommand(name, command, source));
        Note($"process {name}: {command}", source);
    }

    public void Port(int port, SourceRef source)
    {
        if (port is > 0 and <= 65535 && !_ports.Contains(port))
        {
            _ports.Add(port);
            Note($"port {port}", source);
        }
    }

    public void Env(string key, string value, SourceRef source)
    {
        if (_env.TryAdd(key, value))
        {
            Note($"env {key}", source);
        }
    }

    public void DependsOn(string service, SourceRef source)
    {
        if (_dependsOn.Add(service))
        {
            Note($"depends on service {service}", source);
        }
    }

    /// <summary>Folds the project at <paramref name="path"/> (relative to this one) in as a member of this <paramref name="ecosystem"/>'s workspace.</summary>
    public void Member(string path, string ecosystem)
    {
        _members.Add(path);
        Note($"workspace member {path}", new SourceRef(File(_manifests[ecosystem])));
    }

    public DiscoveredProject Freeze(string name) => new(
        name, Path, _languages.ToArray(), PackageManager, _toolchains.ToArray(), _packages.ToArray(),
        _checks.ToArray(), _processes.ToArray(), _ports.ToArray(),
        new Dictionary<string, string>(_env, StringComparer.Ordinal), _dependsOn.ToArray(), _members.ToArray(), Repository);
}
