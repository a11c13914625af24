# A second stand-in for nixpkgs, for `nix flake check`: it insists that dev shells and
# app programs are derivations, so here they are (trivial ones, never built). The main
# stub (../NixStub) returns plain attribute sets instead, so `nix eval --json` can print them.
{
  outputs = { self }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
      drv = system: name: derivation { inherit name system; builder = "/bin/sh"; args = [ "-c" "echo > $out" ]; };
    in
    {
      lib = { inherit genAttrs; getExe = pkg: "${pkg}/bin/main"; };
      legacyPackages = genAttrs systems (system: {
        # Forces inputsFrom as the real mkShell does, so a broken project flake is noticed.
        mkShell = args: builtins.seq (builtins.length (args.inputsFrom or [ ])) (drv system (args.name or "shell"));
        writeShellScript = name: text: drv system name;
        nodejs_20 = drv system "nodejs";
        python3 = drv system "python3";
        busybox = drv system "busybox";
        # An image is a derivation too; its contents are forced, as building it would.
        dockerTools.buildLayeredImage = args: builtins.seq (builtins.length (args.contents or [ ])) (drv system "image");
      });
    };
}
