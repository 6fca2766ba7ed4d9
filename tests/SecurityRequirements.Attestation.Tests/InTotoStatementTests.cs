using System.Text.RegularExpressions;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation.Tests;

/// <summary>
/// The in-toto output against the in-toto attestation framework's v1 Statement layout
/// (spec/v1/statement.md, resource_descriptor.md, digest_set.md, field_types.md of in-toto/attestation).
/// </summary>
public class InTotoStatementTests
{
    private const string Sha256 = "7d9a9f342c8238aeda8176f831fbc4458092813119462fed4338fa126f99c17f";

    [Fact]
    public void Statement_FollowsTheV1Layout_WithTheAssemblyAsSubject_AndTheManifestAsPredicate()
    {
        var manifest = AttestationManifest.Parse(Manifests.V1());

        var text = InTotoStatement.Write(manifest, "App.dll", Sha256);
        var statement = JsonReader.ParseObject(text);

        AssertValidStatementV1(statement);
        var subject = Assert.IsType<JsonObject>(Assert.Single(statement.GetArray("subject")));
        Assert.Equal("App.dll", subject.GetString("name"));
        Assert.Equal(Sha256, subject.GetObject("digest").GetString("sha256"));
        Assert.Equal("https://github.com/securityrequirements/SecurityRequirements.Analyzers/attestation/v1", statement.GetString("predicateType"));
        Assert.Equal(manifest.Text, JsonWriter.Write(statement.GetObject("predicate")));
        Assert.Equal(text, InTotoStatement.Write(AttestationManifest.Parse(Manifests.V1()), "App.dll", Sha256));
    }

    [Fact]
    public void PredicateType_FollowsTheManifestSchemaMajorVersion()
    {
        Assert.EndsWith("/attestation/v2", InTotoStatement.PredicateTypeFor(AttestationManifest.Parse(Manifests.V2())), StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RejectsWhatTheLayoutForbids()
    {
        static JsonObject Statement(string json) => JsonReader.ParseObject(json);

        Assert.ThrowsAny<Exception>(() => AssertValidStatementV1(Statement("{\"_type\": \"https://in-toto.io/Statement/v0.1\", \"subject\": [{\"name\": \"a\", \"digest\": {\"sha256\": \"" + Sha256 + "\"}}], \"predicateType\": \"https://x/v1\", \"predicate\": {}}")));
        Assert.ThrowsAny<Exception>(() => AssertValidStatementV1(Statement("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [], \"predicateType\": \"https://x/v1\", \"predicate\": {}}")));
        Assert.ThrowsAny<Exception>(() => AssertValidStatementV1(Statement("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{\"name\": \"a\", \"digest\": {\"sha256\": \"ABC\"}}], \"predicateType\": \"https://x/v1\", \"predicate\": {}}")));
        Assert.ThrowsAny<Exception>(() => AssertValidStatementV1(Statement("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{\"name\": \"a\", \"digest\": {}}], \"predicateType\": \"https://x/v1\", \"predicate\": {}}")));
        Assert.ThrowsAny<Exception>(() => AssertValidStatementV1(Statement("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{\"name\": \"a\", \"digest\": {\"sha256\": \"" + Sha256 + "\"}}], \"predicateType\": \"not a uri\", \"predicate\": {}}")));
        Assert.ThrowsAny<Exception>(() => AssertValidStatementV1(Statement("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{\"name\": \"a\", \"digest\": {\"sha256\": \"" + Sha256 + "\"}}], \"predicateType\": \"https://x/v1\", \"predicate\": []}")));
    }

    /// <summary>The Statement layer's rules, each from the v1 spec.</summary>
    private static void AssertValidStatementV1(JsonObject statement)
    {
        // statement.md: _type is always https://in-toto.io/Statement/v1; subject, predicateType required; predicate optional, an object.
        Assert.Equal("https://in-toto.io/Statement/v1", statement.GetString("_type"));
        Assert.True(statement.TryGetValue("subject", out var subjects) && subjects is JsonArray, "subject must be an array");
        Assert.NotEmpty((JsonArray)subjects!);
        Assert.True(statement.TryGetValue("predicateType", out var predicateType) && predicateType is string, "predicateType must be a string");
        if (statement.TryGetValue("predicate", out var predicate))
        {
            Assert.IsType<JsonObject>(predicate);
        }

        // field_types.md TypeURI: a URI; README.md parsing rules: the TypeURI reflects the major version.
        Assert.True(Uri.TryCreate((string)predicateType!, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http", "predicateType must be an absolute URI");
        Assert.Matches(new Regex("/v[0-9]+$"), (string)predicateType!);

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in (JsonArray)subjects!)
        {
            // resource_descriptor.md: each subject MUST have digest; name, if set, SHOULD be unique.
            var subject = Assert.IsType<JsonObject>(item);
            Assert.True(subject.TryGetValue("digest", out var digestValue) && digestValue is JsonObject, "subject.digest must be an object");
            var digest = (JsonObject)digestValue!;
            Assert.NotEmpty(digest.Members);
            if (subject.GetString("name") is { } name)
            {
                Assert.True(names.Add(name), "subject names should be unique");
            }

            // digest_set.md: algorithm -> lowercase hex for the standard algorithms.
            foreach (var (algorithm, value) in digest.Members)
            {
                var hex = Assert.IsType<string>(value);
                Assert.Matches(new Regex("^[0-9a-f]+$"), hex);
                var expectedLength = algorithm switch { "sha256" => 64, "sha384" => 96, "sha512" => 128, "sha1" => 40, _ => hex.Length };
                Assert.Equal(expectedLength, hex.Length);
            }
        }
    }
}
