// Written by `procurator init` from what it found in nested-workspaces.
// Review it (names, ports, versions), then run `procurator run` to get the master flake.
// `procurator init --dry-run` lists every finding and the file it came from.

// .: node, pnpm; members packages/native, packages/ui
Project("platform", ".")
    .Packages("pnpm", "nodejs")
    .Check("lint", "pnpm run lint");

// engine: rust; members crates/engine-core, crates/engine-ffi
Project("engine", "./engine")
    .Packages("cargo", "rustc")
    .Check("test", "cargo test --workspace");

// engine/bench: rust
Project("bench", "./engine/bench")
    .Packages("cargo", "rustc")
    .Check("test", "cargo test");
