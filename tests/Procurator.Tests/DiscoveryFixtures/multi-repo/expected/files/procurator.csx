// Written by `procurator init` from what it found in multi-repo.
// Review it (names, ports, versions), then run `procurator run` to get the master flake.
// `procurator init --dry-run` lists every finding and the file it came from.

// service redis: from storefront/.github/workflows/test.yaml:4
Service("redis").Version("6").Port(6380)
    .HealthCheck(Exec("redis-cli ping")); // retries 3

// ledger: rust
Project("ledger", "./ledger")
    .Packages("cargo", "rustc")
    .Check("test", "cargo test");

// storefront: node, npm
Project("storefront", "./storefront")
    .Packages("nodejs")
    .DependsOn("redis")
    .Check("test", "npm test");
