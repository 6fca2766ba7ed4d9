#!/usr/bin/env bash
# Builds any C# project, solution or solution filter with this checkout's analyzers and a given policy, and prints
# the diagnostics per rule. Nothing is written into the tree being built: the package is added through
# real-code.targets (CustomAfterMicrosoftCommonTargets) and the compiler's SARIF logs go to <out-dir>/sarif.
#
#   docs/real-code/collect.sh <project|sln|slnf> <policy.yaml> <out-dir> [extra dotnet build arguments...]
#
# Run it from the root of this repository. Environment:
#   FEED            a folder that already holds a packed SecurityRequirements.Analyzers; default: pack this
#                   checkout into <out-dir>/feed
#   NUGET_PACKAGES  package cache; default: <out-dir>/../packages (shared by sibling runs; our own package is
#                   removed from it before each restore, so a re-packed build is always the one measured)
#   ROOT            the tree measured: paths are shown relative to it, and diagnostics and lines outside it
#                   (stubs, dependencies built from source beside it) are left out; default: the project folder
# Writes <out-dir>/diagnostics.md (counts per rule, then every diagnostic) and <out-dir>/diagnostics.tsv (one
# line per diagnostic, for labelling true/false). Method and figures: docs/accuracy.md, "Large real codebases".
set -eu
[ $# -ge 3 ] || { sed -n '2,17p' "$0"; exit 2; }
target=$(realpath "$1"); policy=$(realpath "$2"); mkdir -p "$3"; out=$(realpath "$3"); shift 3
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 NUGET_PACKAGES=${NUGET_PACKAGES:-$(dirname "$out")/packages}
feed=${FEED:-$out/feed}
if ! ls "$feed"/SecurityRequirements.Analyzers.*.nupkg > /dev/null 2>&1; then
  dotnet pack "$repo/SecurityRequirements.Analyzers.sln" -c Release -o "$feed" > "$out/pack.log" 2>&1 || { tail -20 "$out/pack.log"; exit 1; }
fi
feed=$(realpath "$feed")
ver=$(ls "$feed" | sed -n 's/^SecurityRequirements\.Analyzers\.\([0-9].*\)\.nupkg$/\1/p' | head -n1)
rm -rf "$NUGET_PACKAGES/securityrequirements.analyzers" "$out/sarif"
mkdir -p "$out/sarif"
# Put the package into the cache first, from a throw-away project: a tree whose nuget.config maps every package to
# its own sources (package source mapping) would otherwise refuse the local feed.
prime=$out/prime; rm -rf "$prime"; mkdir -p "$prime"
printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="SecurityRequirements.Analyzers" Version="%s" /></ItemGroup></Project>' "$ver" > "$prime/prime.csproj"
printf '<configuration><packageSources><clear /><add key="feed" value="%s" /></packageSources></configuration>' "$feed" > "$prime/nuget.config"
dotnet restore "$prime/prime.csproj" > "$out/prime.log" 2>&1 || { tail -20 "$out/prime.log"; exit 1; }
root=${ROOT:-$(dirname "$target")}
start=$(date +%s)
# --no-incremental: every project is compiled, so every one writes its log. Our diagnostics stay warnings
# (real-code.targets turns warnings-as-errors off) so that no project stops the ones that depend on it.
set +e
dotnet build "$target" -c Release --no-incremental -nologo -v:m \
  -p:CustomAfterMicrosoftCommonTargets="$here/real-code.targets" \
  -p:RealCodeOursVersion="$ver" -p:RealCodeSarifDir="$out/sarif" \
  -p:RestoreAdditionalProjectSources="$feed" \
  -p:SecurityRequirementsFile="$policy" -p:SecurityRequirementsToday=2026-12-01 \
  -p:RunAnalyzers=true -p:EnableNETAnalyzers=false -p:AnalysisMode=None \
  -p:EnableTrimAnalyzer=false -p:EnableAotAnalyzer=false -p:EnableSingleFileAnalyzer=false \
  "$@" > "$out/build.log" 2>&1
rc=$?
set -e
echo "build exit $rc in $(( $(date +%s) - start )) s; $(grep -c ' error ' "$out/build.log" || true) error lines (see $out/build.log)"
dotnet run --project "$repo/tests/SecurityRequirements.Analyzers.Benchmarks" -c Release -- \
  --diagnostics "$out/sarif" --root "$root" --out "$out/diagnostics.md" --tsv "$out/diagnostics.tsv"
