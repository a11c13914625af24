# The package set of the stand-in: plain attribute sets, no derivations, nothing to build.
#
# A package is `{ type = "stub-package"; pname; name; outPath; meta; }`. Because it has
# `outPath`, `"${pkg}"` interpolates to that path and `nix eval --json` prints the package
# as the plain string "/nix/store/00000000000000000000000000000000-<attribute path>",
# so a test can see exactly which attribute a generated flake referenced.
{ system ? builtins.currentSystem, ... }:
let
  lib = import ./lib.nix;
  zeros = "00000000000000000000000000000000";
  storePath = name: "/nix/store/${zeros}-${name}";

  mkPkg = attrPath: pname: {
    type = "stub-package";
    inherit pname;
    name = attrPath;
    version = "0.0.0-stub";
    outPath = storePath attrPath;
    meta = { mainProgram = pname; description = "stub of ${attrPath}"; };
  };
  # attrName -> package; the main program defaults to the attribute name.
  mkPkgs = prefix: programs:
    builtins.mapAttrs (n: prog: mkPkg "${prefix}${n}" prog) programs;
  same = names: lib.genAttrs names (n: n);

  # Script writers return an attribute set with `outPath`, so `"${script}"` is a path
  # string, while `.text` keeps the script inspectable.
  mkScript = name: text: extra: {
    type = "stub-script";
    inherit name text;
    outPath = storePath name;
  } // extra;
  # writeShellScript's path is followed by a newline and the script itself: an app's
  # `program = "${pkgs.writeShellScript …}"` is a plain string once evaluated, and this way a
  # test still reads the script it runs (split at the first newline: path, then text).
  mkShellScript = name: text: mkScript name text { outPath = "${storePath name}\n${text}"; };

  pkgs = mkPkgs "" ({
    nodejs_18 = "node"; nodejs_20 = "node"; nodejs_22 = "node"; nodejs = "node";
    python3 = "python3"; python311 = "python3"; python312 = "python3"; python313 = "python3";
    go = "go";
    dotnet-sdk = "dotnet"; dotnet-sdk_8 = "dotnet"; dotnet-sdk_9 = "dotnet";
    dotnet-sdk_10 = "dotnet"; dotnet-runtime_8 = "dotnet";
    postgresql = "postgres"; postgresql_14 = "postgres"; postgresql_15 = "postgres";
    postgresql_16 = "postgres"; postgresql_17 = "postgres";
    redis = "redis-server"; mysql80 = "mysqld"; mysql84 = "mysqld"; mariadb = "mysqld";
    apacheKafka = "kafka-server-start.sh"; elasticsearch = "elasticsearch"; memcached = "memcached";
    cargo = "cargo"; rustc = "rustc"; rust-analyzer = "rust-analyzer"; rustfmt = "rustfmt";
    clippy = "cargo-clippy";
  } // same [
    "bash" "coreutils" "curl" "git" "gnumake" "jq" "yq" "openssl" "pkg-config" "sqlite"
    "yarn" "pnpm" "bun" "deno" "docker" "docker-compose" "nginx" "caddy" "process-compose"
    "overmind" "hivemind" "gcc" "clang" "cmake" "protobuf" "kubectl" "terraform" "awscli2"
    "ruby" "java" "jdk" "maven" "gradle" "php" "elixir" "erlang" "zig" "minio" "mongodb"
    "rabbitmq-server" "nats-server" "mailhog" "graphviz" "chromium"
    "poetry" "uv" "pdm" "busybox"
  ]) // {
    python3Packages = mkPkgs "python3Packages." (same [
      "requests" "pip" "virtualenv" "setuptools" "pytest" "flask" "django" "fastapi"
      "uvicorn" "psycopg2" "redis" "numpy"
    ]);
    nodePackages = mkPkgs "nodePackages." (same [
      "typescript" "typescript-language-server" "pnpm" "yarn" "prettier" "eslint"
    ]);
  };
in
pkgs // rec {
  inherit lib system;
  stubNixpkgs = true;

  stdenv = {
    hostPlatform = { inherit system; isLinux = isLinux; isDarwin = isDarwin; };
    buildPlatform = stdenv.hostPlatform;
    inherit isLinux isDarwin;
  };
  isLinux = builtins.match ".*-linux" system != null;
  isDarwin = builtins.match ".*-darwin" system != null;

  # Non-strict about extra attributes: everything passed in comes back out.
  mkShell = args: {
    name = "nix-shell";
    packages = [ ];
    inputsFrom = [ ];
    buildInputs = [ ];
    nativeBuildInputs = [ ];
    shellHook = "";
  } // args // { type = "stub-shell"; };
  mkShellNoCC = mkShell;

  writeShellScript = mkShellScript;
  writeShellScriptBin = name: text: mkScript name text { bin = "bin/${name}"; meta.mainProgram = name; };
  writeShellApplication = { name, text, runtimeInputs ? [ ], ... }@args:
    mkScript name text { inherit runtimeInputs; bin = "bin/${name}"; meta.mainProgram = name; };
  writeScript = name: text: mkScript name text { };
  writeText = name: text: mkScript name text { };
  # Identity on the text, for tests that only want to look at a script.
  writeShellScriptText = name: text: text;

  # A build step: the script, its environment kept for inspection.
  runCommand = name: env: buildCommand: mkScript name buildCommand { inherit env; };

  symlinkJoin = { name, paths ? [ ], ... }@args: mkScript name "" { inherit paths; };

  # An image is its arguments, inspectable (name, tag, contents, config), at a store path.
  dockerTools = rec {
    buildImage = buildLayeredImage;
    buildLayeredImage = { name, tag ? null, contents ? [ ], config ? { }, ... }@args: args // {
      type = "stub-image";
      inherit name tag contents config;
      outPath = storePath "docker-image-${builtins.replaceStrings [ "/" ] [ "-" ] name}.tar.gz";
    };
  };
  buildEnv = symlinkJoin;
}
