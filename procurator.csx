// Procurator's own workspace: the repository described with its own DSL (dogfood).
// `procurator run` keeps flake.nix and procurator.json beside this file in sync;
// a test fails when they drift (`procurator run --check`).

Workspace.Name("procurator")
    .Description("Procurator: one C# script describes a multi-project workspace; get a master flake.nix from it")
    .Systems("x86_64-linux", "aarch64-linux", "aarch64-darwin", "x86_64-darwin");

Project("sdk", "./src/Procurator.Sdk")
    .Description("The public DSL that procurator.csx scripts see")
    .Packages("dotnet-sdk_10");

Project("engine", "./src/Procurator")
    .Description("Scripting, validation, model and flake rendering")
    .BuildDependsOn("sdk")
    .Packages("dotnet-sdk_10");

Project("cli", "./src/Procurator.Cli")
    .Description("The procurator command")
    .BuildDependsOn("engine")
    .Packages("dotnet-sdk_10")
    .Process("microservices", "dotnet run -- run ../../examples/microservices/procurator.csx");

Project("tests", "./tests/Procurator.Tests")
    .Description("Unit, golden-file and integration tests (real nix)")
    .BuildDependsOn("cli")
    .Packages("dotnet-sdk_10", "nix")
    .Env("PROCURATOR_REQUIRE_INTEGRATION", "1")
    .Process("all", "dotnet test ../../Procurator.sln");

Shell("dev", "sdk", "engine", "cli", "tests");
