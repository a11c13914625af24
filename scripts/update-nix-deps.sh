#!/usr/bin/env bash
# Writes nix/package/deps.json, the NuGet lock that nixpkgs' buildDotnetModule needs
# (nugetDeps), without Nix: the same file `nix build …#default.fetch-deps` would write.
#
#   scripts/update-nix-deps.sh            -> nix/package/deps.json
#   scripts/update-nix-deps.sh OUT.json   -> OUT.json
#
# Needs the .NET SDK, NuGet access, bash, coreutils and sed (no jq, no nix). Like fetch-deps:
#   - restores package.nix's projectFile with its dotnetFlags, once per runtime identifier
#     of meta.platforms (linux ++ darwin, as far as nixpkgs' SDK builds them), with the
#     restore flags of nixpkgs' dotnetConfigureHook, into a fresh packages folder;
#   - lists every package there as { pname (the .nuspec id), version, hash (SRI sha256 of
#     the .nupkg) }, sorted as nuget-to-json sorts (lower-case id, then version; C locale);
#   - leaves out the packs nixpkgs' SDK provides itself (runtime, host, Crossgen2, ILCompiler
#     packs and friends, at the SDK's own version): fetch-deps skips them because they come
#     from the store, and their version here is this SDK's, not nixpkgs'.
# The restore runs on a copy of the sources, so the worktree's obj/ folders stay as they are.
# The output depends only on the sources and NuGet's (immutable) packages: rerunning it
# writes the same bytes.
set -euo pipefail
export LC_ALL=C DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package_nix="$root/nix/package/package.nix"
out="$(realpath -m "${1:-$root/nix/package/deps.json}")"
rids=(linux-x64 linux-arm64 osx-x64 osx-arm64)
nuget_org="https://api.nuget.org/v3/index.json"

die() { echo "update-nix-deps: $*" >&2; exit 1; }

# One home for the project and its flags: package.nix (single-line attributes).
project="$(sed -n 's/^ *projectFile = "\([^"]*\)";.*/\1/p' "$package_nix")"
flags_line="$(sed -n 's/^ *dotnetFlags = \[\(.*\)\];.*/\1/p' "$package_nix")"
[ -n "$project" ] || die "no 'projectFile = \"…\";' line in $package_nix"
[ -n "$flags_line" ] || die "no 'dotnetFlags = [ … ];' line in $package_nix"
mapfile -t flags < <(grep -o '"[^"]*"' <<<"$flags_line" | sed 's/^"//; s/"$//')

work="$(mktemp -d "${TMPDIR:-/tmp}/procurator-nix-deps.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The sources restore reads: root build files, global.json, NuGet.config, src/ without output.
shopt -s nullglob
for file in "$root"/Directory.*.props "$root"/Directory.*.targets "$root"/global.json "$root"/[Nn]u[Gg]et.[Cc]onfig; do
  cp "$file" "$work/"
done
shopt -u nullglob
tar -C "$root" --exclude=bin --exclude=obj -cf - src | tar -C "$work" -xf -
packages="$work/packages"

for rid in "${rids[@]}"; do
  echo "restoring $project for $rid" >&2
  dotnet restore "$work/$project" --packages "$packages" --runtime "$rid" \
    -p:ContinuousIntegrationBuild=true -p:Deterministic=true -p:NuGetAudit=false \
    -p:SelfContained=false "${flags[@]}" >&2
done

# Ids of the packs that nixpkgs' dotnetCorePackages.sdk_* brings (lower case, as folders).
is_sdk_pack() {
  case "$1" in
    microsoft.netcore.app.ref | microsoft.aspnetcore.app.ref) return 0 ;;
    microsoft.netcore.app.runtime.* | microsoft.aspnetcore.app.runtime.*) return 0 ;;
    microsoft.netcore.app.host.* | microsoft.netcore.app.crossgen2.*) return 0 ;;
    microsoft.netcore.dotnetapphost | runtime.*.microsoft.netcore.dotnetapphost) return 0 ;;
    microsoft.dotnet.ilcompiler | runtime.*.microsoft.dotnet.ilcompiler) return 0 ;;
    microsoft.net.illink.tasks) return 0 ;;
  esac
  return 1
}

# SRI form of a file's sha256: "sha256-" + base64 of the raw digest (hex -> bytes by printf).
sri_sha256() {
  local hex
  hex="$(sha256sum "$1" | cut -d' ' -f1)"
  # shellcheck disable=SC2059
  printf "sha256-%s" "$(printf "$(sed 's/../\\x&/g' <<<"$hex")" | base64 -w0)"
}

entries=()
cd "$packages"
for package in *; do
  [ -d "$package" ] || continue
  if is_sdk_pack "$package"; then
    echo "left out (the SDK provides it): $package $(ls "$package" | tr '\n' ' ')" >&2
    continue
  fi
  for version in "$package"/*; do
    version="${version#"$package"/}"
    dir="$package/$version"
    nupkg="$dir/$package.$version.nupkg"
    [ -f "$nupkg" ] || die "$nupkg is missing"
    id="$(sed -n 's:.*<id>\([^<]*\)</id>.*:\1:p' "$dir/$package.nuspec" | head -n 1)"
    [ "${id,,}" = "$package" ] || die "$dir/$package.nuspec: id '$id' does not match the folder"
    [[ "$id$version" =~ ^[A-Za-z0-9._+-]+$ ]] || die "unexpected characters in '$id' '$version'"
    source="$(sed -n 's/.*"source": *"\([^"]*\)".*/\1/p' "$dir/.nupkg.metadata")"
    # Entries without "url" mean nuget.org to fetchNupkg.
    [ "$source" = "$nuget_org" ] || die "$id $version came from '$source', not $nuget_org"
    entries+=("$(printf '  {\n    "pname": "%s",\n    "version": "%s",\n    "hash": "%s"\n  }' \
      "$id" "$version" "$(sri_sha256 "$nupkg")")")
  done
done

# jq's layout (what fetch-deps writes): two-space indent, one key per line.
tmp="$out.tmp.$$"
{
  if [ ${#entries[@]} -eq 0 ]; then
    echo '[]'
  else
    echo '['
    for i in "${!entries[@]}"; do
      if [ "$i" -lt $((${#entries[@]} - 1)) ]; then echo "${entries[$i]},"; else echo "${entries[$i]}"; fi
    done
    echo ']'
  fi
} >"$tmp"
mv "$tmp" "$out"
echo "wrote $out (${#entries[@]} packages)" >&2
