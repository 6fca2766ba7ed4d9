using System;
using System.Globalization;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation;

/// <summary>
/// The attestation as an in-toto v1 Statement (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md),
/// so that signing and supply-chain tools (cosign, witness, GUAC, ...) can sign, store and query it:
/// the subject is the assembly file, named with its SHA-256 digest, and the predicate is the manifest.
/// </summary>
public static class InTotoStatement
{
    public const string StatementType = "https://in-toto.io/Statement/v1";

    /// <summary>Followed by the manifest's <c>schemaVersion</c>: the predicate's layout is the manifest's.</summary>
    public const string PredicateTypePrefix = "https://github.com/securityrequirements/SecurityRequirements.Analyzers/attestation/v";

    public static string PredicateTypeFor(AttestationManifest manifest)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        return PredicateTypePrefix + manifest.SchemaVersion.ToString(CultureInfo.InvariantCulture);
    }

    public static string Write(AttestationManifest manifest, string subjectName, string subjectSha256)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        var digest = new JsonObject();
        digest.Add("sha256", subjectSha256);
        var subject = new JsonObject();
        subject.Add("name", subjectName);
        subject.Add("digest", digest);

        var statement = new JsonObject();
        statement.Add("_type", StatementType);
        statement.Add("subject", new JsonArray { subject });
        statement.Add("predicateType", PredicateTypeFor(manifest));
        statement.Add("predicate", manifest.Root);
        return JsonWriter.Write(statement);
    }
}
