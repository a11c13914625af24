namespace Procurator.Diagnostics;

/// <summary>
/// Every diagnostic code Procurator reports, in one place so none is reused. It lives in the SDK
/// because both the engine and the supervisor (whose <c>up</c> planning problems have codes too)
/// reference it.
/// </summary>
internal static class ErrorCodes
{
    public const string ScriptRuntimeError = "PRO0001";
    public const string UnknownDependency = "PRO001";
    public const string DuplicateName = "PRO002";
    public const string InvalidName = "PRO003";
    public const string DependencyCycle = "PRO004";
    public const string PortOutOfRange = "PRO005";
    public const string PortInUse = "PRO006";
    public const string ServiceConflict = "PRO007";
    public const string UnknownShellProject = "PRO008";
    public const string EnvCollision = "PRO009";
    public const string InvalidEnvKey = "PRO010";
    public const string InvalidValue = "PRO011";
    public const string UnknownBuildDependency = "PRO012";
    public const string MissingProjectPath = "PRO013";
    public const string ProjectOutsideWorkspace = "PRO014";
    public const string NuGetReference = "PRO015";
    public const string InvalidHealthCheck = "PRO016";
    public const string InvalidPackage = "PRO017";
    public const string ReservedName = "PRO018";
    public const string ScriptNotFound = "PRO019";
    public const string ScriptTimeout = "PRO020";
    public const string UnknownTeamOrOwned = "PRO021";
    public const string UnknownPolicy = "PRO022";
    public const string PolicyFailed = "PRO023";
    public const string GeneratedFilesDrifted = "PRO024";
    public const string NixFlakeCheckFailed = "PRO025";

    // procurator import compose
    public const string ComposeSyntax = "PRO026";
    public const string ComposeInvalidValue = "PRO027";
    public const string ComposeInterpolation = "PRO028";
    public const string ComposeUnknownService = "PRO029";
    public const string ComposeCycle = "PRO030";
    public const string ComposeInvalidPort = "PRO031";
    public const string ComposeInvalidDuration = "PRO032";
    public const string ComposeEnvFile = "PRO033";
    public const string ComposeUnsetVariable = "PRO034";
    public const string ComposeFileNotFound = "PRO035";
    public const string ComposeConflict = "PRO036";

    // procurator init (discovery): PRO040 upward.
    public const string MalformedToml = "PRO040";
    public const string MalformedJson = "PRO041";
    public const string MalformedYaml = "PRO042";
    public const string ExpressionKeptAsText = "PRO043";
    public const string DiscoveryIgnored = "PRO044";

    // procurator up --model
    public const string InvalidModelFile = "PRO045";

    // procurator ci github
    public const string NoProcuratorSource = "PRO046";

    // procurator run, ci, init: a file in the way that Procurator did not write
    public const string NotGeneratedByProcurator = "PRO047";

    // Hardening (issue 21, rows 1-11): PRO050 to PRO059. PRO060 upward belongs to rows 12-21.
    public const string UnsupportedFlakePath = "PRO050";
    // a file that is not a regular file (FIFO, device) or is over the size cap
    public const string UnsupportedFile = "PRO051";
    // a script calls Environment.Exit or Environment.FailFast, which would end procurator itself
    public const string ScriptEndsProcess = "PRO052";

    // procurator up: what the manager cannot run, found while planning (before anything starts);
    // PRO070 and PRO072 block only their service and its dependents, PRO071 stops the whole start
    // a service with no command and no local preset for its kind
    public const string NoWayToRun = "PRO070";
    // a dependency waited for until it completes, when it runs until stopped
    public const string NeverCompletes = "PRO071";
    // a local preset that cannot run here (its binaries are missing, or the user cannot run them)
    public const string PresetUnavailable = "PRO072";

    // Connection info and secrets: PRO080 upward.
    // Database(...) or User(...) on a kind without them, or a name no server accepts
    public const string InvalidConnectionSetting = "PRO080";
    // ${service.part} in an env value that names no declared service, or a part its kind has not
    public const string UnknownConnectionReference = "PRO081";
    // a secret whose name is also a plain env var of the project, or is not a variable name
    public const string InvalidSecret = "PRO082";
    // procurator up: a secret with no value in the environment, .env or its command
    public const string MissingSecret = "PRO083";

    // procurator export (Kubernetes, compose) and the DSL verbs it reads: PRO090 to PRO099.
    // Image(...) that is not an image reference (registry/name:tag or @sha256:...)
    public const string InvalidImage = "PRO090";
    // Replicas(...) below 0 or above the limit, or Resources(...) quantities Kubernetes does not take
    public const string InvalidDeploySetting = "PRO091";
    // a project that would be deployed with no image: no Image(...) and no flake to build one from
    public const string NoImageSource = "PRO092";
    // warning: something of the workspace an export cannot say (a log-line health check, a service kind without an image)
    public const string NotExported = "PRO093";
    // two workspace names that become the same, or an invalid, Kubernetes or compose name
    public const string ExportNameClash = "PRO094";

    // Hardening (issue 21, rows 12-21): PRO060 upward.
    // procurator init: a file the scan must read and cannot (permissions, an I/O error)
    public const string UnreadableFile = "PRO060";
}
