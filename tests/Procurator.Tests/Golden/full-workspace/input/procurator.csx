// Every verb of the DSL, and names and values that need quoting and escaping in Nix.
Workspace.Name("full")
    .Description("Quotes \" backslash \\ dollar-brace ${HOME} newline\nand tab\t: all escaped")
    .Nixpkgs("github:NixOS/nixpkgs/nixos-24.05")
    .Systems("x86_64-linux", "aarch64-darwin");

External("auth", "github:acme/auth?ref=v2");
var pg = Service("postgres").Version("15").Env("POSTGRES_DB", "app").HealthCheck(Exec("pg_isready -h localhost"));
Service("cache").Kind("redis").Port(6380).HealthCheck(Tcp(6380, period: 5, failures: 5));
Service("search").Kind("elasticsearch");
Service("mailer").Port(1025);

Project("api", "./services/api")
    .Description("It's the \"API\"")
    .DependsOn(pg)
    .DependsOn("cache", "auth")
    .BuildDependsOn("let")
    .Port(8080).Port(8081)
    .Env("GREETING", "it's ${USER}'s $HOME \\ \"quoted\"\nsecond line")
    .Env("EMPTY", "")
    .Env("UNICODE", "héllo wörld ✓ 🚀")
    .Packages("nodejs_20", "python3Packages.requests", "gtk+3")
    .Process("web", "npm start -- --port 8080")
    .Process("watch", "echo '${not nix}' && npm run watch")
    .HealthCheck(Http("http://localhost:8080/health", period: 2.5, timeout: 1, successes: 2))
    .HealthCheck(Tcp(8081));

// A project named with a Nix keyword: its attribute names must be quoted.
Project("let", "./services/let").Description("a shared library").Packages("go");

Project("docs").Env("mixed_Case", "ok").DependsOn("search", "mailer");

Shell("backend", "api", "let", "auth");
Shell("default", "api", "docs");
