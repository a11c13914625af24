using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Procurator.Tests.Support;

/// <summary>
/// Runs the Nix command line (Nix 2.8, Debian <c>nix-bin</c>) for tests, fully offline:
/// flakes are evaluated with <c>nixpkgs</c> replaced by the stand-in in
/// <c>tests/Procurator.Tests/NixStub</c>. Safe to use from tests running in parallel:
/// every call gets its own cache directory and writes nothing into the flake directory.
/// </summary>
internal sealed class NixCli
{
    /// <summary>Generous: a cold first evaluation copies the flake and the stub into the store.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private static readonly string[] FallbackDirectories =
    [
        "/usr/bin",
        "/usr/local/bin",
        "/nix/var/nix/profiles/default/bin",
        "/run/current-system/sw/bin",
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly Lazy<NixCli?> Located = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> Stub = new(LocateStub, LazyThreadSafetyMode.ExecutionAndPublication);

    private NixCli(string nix, string nixInstantiate)
    {
        NixPath = nix;
        NixInstantiatePath = nixInstantiate;
    }

    /// <summary>Full path of <c>nix</c>.</summary>
    public string NixPath { get; }

    /// <summary>Full path of <c>nix-instantiate</c>.</summary>
    public string NixInstantiatePath { get; }

    /// <summary>Per-call timeout; the whole process tree is killed when it runs out.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The nixpkgs stand-in flake (directory holding its <c>flake.nix</c>).</summary>
    public static string StubDirectory => Stub.Value;

    /// <summary>
    /// The stand-in for a master flake's <c>procurator</c> input (the tool's flake): every eval
    /// overrides that input with it; Nix only warns when a flake has no such input.
    /// </summary>
    public static string ProcuratorStubDirectory => Path.Combine(Path.GetDirectoryName(StubDirectory)!, "ProcuratorStub");

    /// <summary>
    /// Finds <c>nix</c> and <c>nix-instantiate</c> on PATH (then in the usual install
    /// directories); null when either is missing.
    /// </summary>
    public static NixCli? Find() => Located.Value;

    /// <summary>Like <see cref="Find"/>, but throws an explanatory exception when Nix is missing.</summary>
    public static NixCli Require() =>
        Find() ?? throw new InvalidOperationException(
            "Nix is required for this test but `nix`/`nix-instantiate` were not found on PATH or in "
            + string.Join(", ", FallbackDirectories)
            + ". Install it (Debian: `apt-get install -y nix-bin`) or unset "
            + IntegrationEnvironment.RequireVariable + " to skip Nix tests.");

    /// <summary>Full path of an executable named <paramref name="name"/> on PATH or in
    /// <paramref name="extraDirectories"/>; null when there is none.</summary>
    public static string? FindExecutable(string name, IEnumerable<string>? extraDirectories = null)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var dirs = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories ?? []);
        foreach (var dir in dirs)
        {
            string candidate;
            try
            {
                candidate = Path.Combine(dir, name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (IsExecutableFile(candidate))
                return Path.GetFullPath(candidate);
        }

        return null;
    }

    /// <summary><c>nix-instantiate --parse FILE</c>: checks syntax only, evaluates nothing.</summary>
    public Task<NixResult> ParseAsync(string file, CancellationToken cancellationToken = default) =>
        RunAsync(NixInstantiatePath, ["--parse", Path.GetFullPath(file)], cancellationToken);

    /// <summary><c>nix-instantiate --parse -E SOURCE</c>: checks the syntax of a snippet.</summary>
    public Task<NixResult> ParseExprAsync(string source, CancellationToken cancellationToken = default) =>
        RunAsync(NixInstantiatePath, ["--parse", "-E", source], cancellationToken);

    /// <summary>
    /// Evaluates <c>path:FLAKEDIR#ATTRPATH</c> to JSON with nixpkgs overridden by the stub,
    /// optionally through <c>--apply FUNCTION</c> (e.g. <c>"s: s.shellHook"</c>).
    /// </summary>
    /// <param name="flakeDir">Directory holding the flake.nix under test.</param>
    /// <param name="attrPath">Attribute path after <c>#</c>, e.g. <c>devShells.x86_64-linux.default</c>.</param>
    /// <param name="apply">Optional Nix function applied to the value before printing.</param>
    /// <param name="ignoreLockFile">
    /// Re-resolve every input instead of using an existing <c>flake.lock</c>. Nix 2.8 keeps the
    /// locked hash of <c>path:./sub</c> inputs, so with a stale lock file edits to a sub-flake
    /// are silently ignored. Nothing is written either way.
    /// </param>
    /// <param name="overrideInputs">More inputs to replace by local flakes (externals), input name to folder.</param>
    /// <param name="cancellationToken">Cancels the call and kills the process.</param>
    public async Task<NixResult> EvalJsonAsync(
        string flakeDir,
        string attrPath,
        string? apply = null,
        bool ignoreLockFile = false,
        IReadOnlyDictionary<string, string>? overrideInputs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flakeDir);
        ArgumentNullException.ThrowIfNull(attrPath);

        using var flake = UrlSafeDirectory.For(Path.GetFullPath(flakeDir));
        using var stub = UrlSafeDirectory.For(StubDirectory);
        using var procurator = UrlSafeDirectory.For(ProcuratorStubDirectory);

        List<string> args =
        [
            "--extra-experimental-features", "nix-command flakes",
            "eval", "--json",
            // The override alone already stops 2.8 from writing flake.lock; this makes it explicit.
            "--no-write-lock-file",
            "--offline",
            // Each call has a throw-away cache directory anyway; skip the sqlite eval cache.
            "--option", "eval-cache", "false",
            "--show-trace",
            $"path:{flake.Path}#{attrPath}",
            "--override-input", "nixpkgs", $"path:{stub.Path}",
        ];
        var overrides = new Dictionary<string, string>(overrideInputs ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        overrides.TryAdd("procurator", procurator.Path);
        foreach (var (input, path) in overrides)
        {
            args.AddRange(["--override-input", input, $"path:{path}"]);
        }

        if (ignoreLockFile)
            args.Add("--recreate-lock-file");
        if (apply is not null)
        {
            args.Add("--apply");
            args.Add(apply);
        }

        return await RunAsync(NixPath, args, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates a standalone expression (no flake) to JSON, e.g. to check how Nix reads a
    /// string literal the generator wrote. <c>nixpkgs</c> is not available here.
    /// </summary>
    public Task<NixResult> EvalExprJsonAsync(string nixExpr, CancellationToken cancellationToken = default) =>
        RunAsync(NixInstantiatePath, ["--eval", "--strict", "--json", "-E", nixExpr], cancellationToken);

    /// <summary>Runs <paramref name="executable"/> with <paramref name="args"/> (no shell).</summary>
    public Task<NixResult> RunAsync(
        string executable, IReadOnlyList<string> args, CancellationToken cancellationToken = default) =>
        RunAsync(executable, args, Path.GetTempPath(), new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// Runs <paramref name="executable"/> in <paramref name="workingDirectory"/> with more environment
    /// variables (<c>nix run</c> of an app that looks at the current folder and PATH).
    /// </summary>
    public async Task<NixResult> RunAsync(
        string executable,
        IReadOnlyList<string> args,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken = default)
    {
        var cacheHome = Directory.CreateTempSubdirectory("procurator-nix-cache-");
        try
        {
            var psi = new ProcessStartInfo(executable)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Utf8,
                StandardErrorEncoding = Utf8,
                WorkingDirectory = workingDirectory,
            };
            foreach (var arg in args)
                psi.ArgumentList.Add(arg);

            // Nix puts its fetcher and eval caches under $XDG_CACHE_HOME/nix (else $HOME/.cache);
            // a private directory per call keeps parallel tests and the user's home apart.
            psi.Environment["XDG_CACHE_HOME"] = cacheHome.FullName;
            psi.Environment["NO_COLOR"] = "1";
            psi.Environment["TERM"] = "dumb";
            foreach (var (key, value) in environment)
                psi.Environment[key] = value;

            var commandLine = FormatCommandLine(executable, args);
            using var process = new Process { StartInfo = psi };
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException($"Could not start `{commandLine}`: {e.Message}", e);
            }

            process.StandardInput.Close();
            var stdoutTask = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderrTask = process.StandardError.ReadToEndAsync(CancellationToken.None);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                var partialErr = await CollectAfterKill(stderrTask).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                    throw;
                throw new TimeoutException(
                    $"`{commandLine}` did not finish within {Timeout.TotalSeconds:0} s and was killed."
                    + $"{Environment.NewLine}stderr so far:{Environment.NewLine}{partialErr}");
            }

            var stdout = await stdoutTask.ConfigureAwait(false);
            var stderr = await stderrTask.ConfigureAwait(false);
            return new NixResult(process.ExitCode, stdout, stderr) { CommandLine = commandLine };
        }
        finally
        {
            TryDelete(cacheHome.FullName);
        }
    }

    private static NixCli? Locate()
    {
        var nix = FindExecutable("nix", FallbackDirectories);
        var instantiate = FindExecutable("nix-instantiate", FallbackDirectories);
        return nix is null || instantiate is null ? null : new NixCli(nix, instantiate);
    }

    private static string LocateStub()
    {
        var overridden = Environment.GetEnvironmentVariable("PROCURATOR_NIX_STUB");
        if (!string.IsNullOrEmpty(overridden))
            return Path.GetFullPath(overridden);

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Procurator.sln")))
            {
                var stub = Path.Combine(dir.FullName, "tests", "Procurator.Tests", "NixStub");
                if (File.Exists(Path.Combine(stub, "flake.nix")))
                    return stub;
                throw new DirectoryNotFoundException($"Found {dir.FullName}/Procurator.sln but no {stub}/flake.nix.");
            }
        }

        throw new DirectoryNotFoundException(
            $"No Procurator.sln above {AppContext.BaseDirectory}, so the Nix stub "
            + "(tests/Procurator.Tests/NixStub) cannot be located; set PROCURATOR_NIX_STUB to its path.");
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            if (!File.Exists(path))
                return false;
            if (OperatingSystem.IsWindows())
                return true;
            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    private static async Task<string> CollectAfterKill(Task<string> stream)
    {
        var done = await Task.WhenAny(stream, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        return done == stream ? await stream.ConfigureAwait(false) : "(unavailable)";
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: it is a temp directory.
        }
    }

    private static string FormatCommandLine(string executable, IEnumerable<string> args) =>
        string.Join(' ', new[] { executable }.Concat(args).Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@#%+,".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Nix 2.8 does not percent-decode <c>path:</c> URLs, so a directory whose path has a space,
    /// <c>#</c>, <c>?</c>, <c>%</c> … cannot be named at all; such a directory is copied to a
    /// fresh temp directory (a symlink does not work: Nix copies the link, not the target).
    /// </summary>
    private sealed class UrlSafeDirectory : IDisposable
    {
        private readonly string? _copy;

        private UrlSafeDirectory(string path, string? copy)
        {
            Path = path;
            _copy = copy;
        }

        public string Path { get; }

        public static UrlSafeDirectory For(string dir)
        {
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"Flake directory {dir} does not exist.");

            // A symlinked flake directory would be copied as the link itself ("escapes from").
            var info = new DirectoryInfo(dir);
            if (info.LinkTarget is not null)
                dir = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dir;
            if (IsUrlSafe(dir))
                return new UrlSafeDirectory(dir, null);

            var copy = Directory.CreateTempSubdirectory("procurator-nix-flake-").FullName;
            CopyTree(new DirectoryInfo(dir), copy);
            return new UrlSafeDirectory(copy, copy);
        }

        public void Dispose()
        {
            if (_copy is not null)
                TryDelete(_copy);
        }

        private static bool IsUrlSafe(string path) =>
            path.All(c => char.IsAsciiLetterOrDigit(c) || "-._~+,=:@/".Contains(c));

        private static void CopyTree(DirectoryInfo source, string target)
        {
            Directory.CreateDirectory(target);
            foreach (var file in source.EnumerateFiles())
                file.CopyTo(System.IO.Path.Combine(target, file.Name));
            foreach (var sub in source.EnumerateDirectories())
            {
                if (sub.Name is ".git" or "bin" or "obj" || sub.LinkTarget is not null)
                    continue;
                CopyTree(sub, System.IO.Path.Combine(target, sub.Name));
            }
        }
    }
}
