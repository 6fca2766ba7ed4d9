#!/usr/bin/env bash
# Drives the MCP server (sra mcp) with a client nobody here wrote: the MCP Inspector's command-line mode, from npm.
#   1. tools/list, with --strict: the tool schemas pass the Inspector's portability checks;
#   2. tools/call check on a file with DES.Create(): SRA1001 comes back (not fixable: a DES key cannot be an AES-256 key).
# Needs the .NET SDK and npx (Node.js). Run it by hand from the repository root:
#   bash .ci/mcp-inspector.sh
# Exit codes: 0 passed, 1 a check failed, 3 skipped (npx missing, or the Inspector package could not be fetched).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inspector="@modelcontextprotocol/inspector@2.12.0"
host="$repo/src/SecurityRequirements.Tool/bin/Release/net10.0/SecurityRequirements.Tool.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

if ! command -v npx > /dev/null 2>&1; then
  echo "skipped: npx is not on PATH (install Node.js to run the MCP Inspector)"
  exit 3
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The Inspector keeps a catalog and settings under HOME; give it a throw-away one.
export HOME="$work/home" npm_config_cache="${npm_config_cache:-$repo/artifacts/npm-cache}"
mkdir -p "$HOME"

echo "== fetching $inspector"
if ! npx --yes "$inspector" --version > "$work/version.txt" 2> "$work/fetch.log"; then
  cat "$work/fetch.log"
  echo "skipped: $inspector could not be fetched or started"
  exit 3
fi
echo "Inspector $(cat "$work/version.txt")"

if [[ ! -f "$host" ]]; then
  echo "== building the server"
  dotnet build "$repo/src/SecurityRequirements.Tool" -c Release -nologo -v:q -nodeReuse:false
fi

echo "== a project to serve"
app="$work/app"
mkdir -p "$app"
cat > "$app/App.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
XML
cat > "$app/security_requirements.yaml" <<'YAML'
version: "2.0"
controls:
  - id: SEC-001
    name: Encryption at Rest
    requirement: All sensitive data must be encrypted using AES-256-GCM
    severity: error
YAML
dotnet restore "$app/App.csproj" -nologo -v:q -nodeReuse:false

server=(dotnet "$host" mcp --project "$app/App.csproj")
failed=0

echo "== tools/list --strict"
if npx --yes "$inspector" --cli "${server[@]}" --method tools/list --strict > "$work/list.json" 2> "$work/list.err"; then
  for tool in requirements check fix attestation; do
    if ! grep -q "\"name\": \"$tool\"" "$work/list.json"; then
      echo "FAIL: tools/list does not list '$tool'"
      failed=1
    fi
  done
else
  echo "FAIL: tools/list exited with $? (schema portability errors are listed above the server log)"
  failed=1
fi
cat "$work/list.err"

echo "== tools/call check"
files='[{"path":"Storage/LegacyVault.cs","text":"using System.Security.Cryptography;\nnamespace App.Storage;\npublic sealed class LegacyVault\n{\n    public byte[] Seal(byte[] key, byte[] iv, byte[] data)\n    {\n        using var des = DES.Create();\n        des.Key = key;\n        return des.EncryptCbc(data, iv);\n    }\n}\n"}]'
if npx --yes "$inspector" --cli "${server[@]}" --method tools/call --tool-name check --tool-arg "files=$files" > "$work/call.json" 2> "$work/call.err"; then
  for expected in '"id": "SRA1001"' '"control": "SEC-001"' '"severity": "error"' '"line": 7' '"column": 25' '"fixable": false'; do
    if ! grep -q "$expected" "$work/call.json"; then
      echo "FAIL: tools/call check did not return $expected"
      failed=1
    fi
  done
else
  echo "FAIL: tools/call exited with $?"
  failed=1
fi
cat "$work/call.err"

if [[ $failed -ne 0 ]]; then
  echo "--- tools/list output"; head -c 4000 "$work/list.json"; echo
  echo "--- tools/call output"; head -c 4000 "$work/call.json"; echo
  echo "MCP Inspector: FAILED"
  exit 1
fi
grep -o '"summary": "[^"]*"' "$work/call.json" | head -n 1
echo "MCP Inspector: tools/list and tools/call passed"
