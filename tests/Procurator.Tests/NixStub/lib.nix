# A tiny subset of nixpkgs.lib, enough for generated flakes under test.
rec {
  genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
  concatStringsSep = builtins.concatStringsSep;
  concatMapStringsSep = sep: f: list: builtins.concatStringsSep sep (map f list);
  concatStrings = builtins.concatStringsSep "";
  mapAttrs = builtins.mapAttrs;
  mapAttrsToList = f: attrs: map (n: f n attrs.${n}) (builtins.attrNames attrs);
  attrNames = builtins.attrNames;
  attrValues = builtins.attrValues;
  filterAttrs = pred: attrs:
    builtins.listToAttrs (builtins.concatMap
      (n: if pred n attrs.${n} then [ { name = n; value = attrs.${n}; } ] else [ ])
      (builtins.attrNames attrs));
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  optionalString = cond: s: if cond then s else "";
  optionalAttrs = cond: attrs: if cond then attrs else { };
  flatten = x: if builtins.isList x then builtins.concatMap flatten x else [ x ];
  unique = builtins.foldl' (acc: e: if builtins.elem e acc then acc else acc ++ [ e ]) [ ];
  recursiveUpdate = a: b:
    a // builtins.mapAttrs
      (n: v: if builtins.isAttrs v && a ? ${n} && builtins.isAttrs a.${n}
             then recursiveUpdate a.${n} v else v)
      b;
  # Same contract as nixpkgs: wrap in single quotes unless the string is "safe".
  escapeShellArg = arg:
    let s = toString arg; in
    if builtins.match "[[:alnum:],._+:@%/-]+" s != null
    then s
    else "'${builtins.replaceStrings [ "'" ] [ "'\\''" ] s}'";
  escapeShellArgs = args: builtins.concatStringsSep " " (map escapeShellArg args);
  getExe = pkg: "${pkg}/bin/${pkg.meta.mainProgram or pkg.pname or "unknown"}";
  systems.flakeExposed = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
}
