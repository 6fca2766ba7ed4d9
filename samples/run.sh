#!/usr/bin/env bash
# Packs SecurityRequirements.Analyzers into artifacts/packages, then builds the two samples
# against that feed and prints the diagnostics each one gets, and writes the Noncompliant
# sample's requirements brief.
#   Compliant     must build with no SRA diagnostic.
#   Noncompliant  must get SRA diagnostics; its build may fail, but only on SRA errors
#                 (controls with `severity: error`).
# Exit code 0 when both hold. Usage: bash samples/run.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
# No build server may keep an old copy of the analyzer loaded between runs.
build_flags=(-nodeReuse:false -p:UseSharedCompilation=false -tl:off -v:m -clp:NoSummary)

feed="$repo/artifacts/packages"
cache="$repo/artifacts/samples-packages"   # globalPackagesFolder of samples/NuGet.config
logs="$repo/artifacts/samples-logs"

# A re-pack of the same version must never be shadowed by the copy restored last time.
rm -rf "$feed" "$cache" "$logs"
mkdir -p "$feed" "$logs"

echo "== dotnet pack -> artifacts/packages"
dotnet pack nuget/SecurityRequirements.Analyzers/SecurityRequirements.Analyzers.Package.csproj \
  -c Release -o "$feed" "${build_flags[@]}" > "$logs/pack.log" 2>&1 || { cat "$logs/pack.log"; echo "pack failed"; exit 1; }
ls "$feed"

status=0
for sample in Compliant Noncompliant; do
  project="samples/$sample/$sample.csproj"
  log="$logs/$sample.log"
  echo
  echo "== $sample"
  dotnet restore "$project" --force "${build_flags[@]}" > "$log" 2>&1 || { cat "$log"; echo "$sample: restore failed"; status=1; continue; }
  rc=0
  dotnet build "$project" --no-restore --no-incremental "${build_flags[@]}" >> "$log" 2>&1 || rc=$?

  # MSBuild prints: path(line,col): warning|error ID: message [project]
  diagnostics="$(grep -E '\): (warning|error) [A-Z]+[0-9]+: ' "$log" | sed -E "s# \[[^]]*\]\$##; s#^ *$repo/##" | sort -u || true)"
  ours="$(grep -E ': (warning|error) (SRA[0-9]{4}|AD0001): ' <<< "$diagnostics" || true)"
  others="$(grep -E ': error ' <<< "$diagnostics" | grep -vE ': error SRA[0-9]{4}: ' || true)"
  count=$(grep -c . <<< "$ours" || true)

  if [[ -n "$ours" ]]; then echo "$ours"; fi
  echo "-- $sample: $count SRA diagnostic(s), build exit code $rc"
  if [[ -n "$others" ]]; then
    echo "$others"
    echo "-- $sample: FAILED: errors other than SRA diagnostics (full log: ${log#$repo/})"
    status=1
  elif [[ $sample == Compliant && ( $count -ne 0 || $rc -ne 0 ) ]]; then
    echo "-- Compliant: FAILED: expected a clean build (full log: ${log#$repo/})"
    status=1
  elif [[ $sample == Noncompliant && $count -eq 0 ]]; then
    echo "-- Noncompliant: FAILED: expected SRA diagnostics (full log: ${log#$repo/})"
    status=1
  fi

  # A successful build leaves the attestation next to the assembly (a failed one has nothing to attest).
  manifest="$(find "$repo/samples/$sample/bin" -name "$sample.security-attestation.json" 2>/dev/null | head -n 1)"
  if [[ $rc -eq 0 && -n "$manifest" ]]; then
    echo "-- $sample: attestation ${manifest#$repo/} and .html"
    grep -o '"verdict": *"[^"]*"' "$manifest" | sed -E 's/^"verdict": *"(.*)"$/   verdict: \1/' || true
  elif [[ $sample == Compliant ]]; then
    echo "-- Compliant: FAILED: no attestation manifest was written"
    status=1
  fi
done

# The brief an AI agent reads before writing code; the target works even while the sample does not build.
echo
echo "== Noncompliant: dotnet build -t:SecurityRequirementsBrief"
brief="samples/Noncompliant/security-requirements.brief.md"
rm -f "$brief"
if dotnet build samples/Noncompliant/Noncompliant.csproj --no-restore -t:SecurityRequirementsBrief "${build_flags[@]}" > "$logs/brief.log" 2>&1 && [[ -s "$brief" ]]; then
  echo "-- $brief: $(grep -c '^## SEC-' "$brief") controls, $(grep -c '^| SRA' "$brief") rules with their fixes and remedies"
else
  cat "$logs/brief.log"
  echo "-- brief: FAILED"
  status=1
fi

echo
if [[ $status -eq 0 ]]; then echo "samples: OK"; else echo "samples: FAILED"; fi
exit $status
