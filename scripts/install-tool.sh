#!/usr/bin/env bash
# Builds the `procurator` .NET tool for this machine's platform, compiled ReadyToRun, and
# installs it globally (~/.dotnet/tools) or, with a folder argument, into that folder:
#   scripts/install-tool.sh            -> dotnet tool install --global
#   scripts/install-tool.sh ~/bin/pt   -> dotnet tool install --tool-path ~/bin/pt
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/src/Procurator.Cli/Procurator.Cli.csproj")"
artifacts="$root/artifacts/tool"

echo "packing procurator $version for $rid (ReadyToRun)"
rm -rf "$artifacts"
dotnet pack "$root/src/Procurator.Cli" -c Release -o "$artifacts" \
  -p:RuntimeIdentifiers="$rid" -p:ToolPackageRuntimeIdentifiers="$rid"

if [ $# -ge 1 ]; then
  where=(--tool-path "$1")
else
  where=(--global)
fi
dotnet tool uninstall "${where[@]}" procurator >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" procurator --version "$version" --add-source "$artifacts"
