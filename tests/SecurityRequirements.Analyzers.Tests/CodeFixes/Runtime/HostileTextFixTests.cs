using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Prescriptions;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;
using SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// Text from the requirements file never becomes code: hostile names, requirements, 'instead' texts, audit fields and
/// control ids (line breaks, <c>*/</c>, quotes, <c>&lt;script&gt;</c>, backticks, <c>#error</c>, <c>&lt;/summary&gt;</c>) go
/// through every fix, and the fixed project declares nothing new but the helpers, has no new directive, and runs.
/// </summary>
public class HostileTextFixTests
{
    /// <summary>What an attacker who can edit the YAML would try: close a comment or string, open a directive or a tag.</summary>
    private const string Hostile = """*/ \"quoted\" \n#error injected\n class Injected { } /* <script>alert(1)</script> `rm -rf /` </summary> \r\n#pragma warning disable""";

    private static readonly string[] Markers = ["Injected", "#error", "<script>", "rm -rf", "#pragma warning disable"];

    private static string Yaml(string id1, string id2, string id3, string id4) => $$"""
        controls:
          - id: {{id1}}
            name: "Encryption {{Hostile}}"
            requirement: "All sensitive data must be encrypted using AES-256-GCM {{Hostile}}"
            check: encryption
          - id: {{id2}}
            name: "OAuth {{Hostile}}"
            requirement: "Implement OAuth 2.0 with PKCE {{Hostile}}"
            check: oauth-pkce
          - id: {{id3}}
            name: "Audit {{Hostile}}"
            requirement: "Log all access to PII {{Hostile}}"
            check: pii-audit
            parameters:
              audit_fields: ["user\r\nid", "Action\"*/`", "#ip-address</>"]
          - id: {{id4}}
            name: "Bans {{Hostile}}"
            requirement: "No MD5 {{Hostile}}"
            check: banned
            parameters:
              symbols: ["T:System.Security.Cryptography.MD5"]
              instead: "{{Hostile}}"
        """;

    private static readonly (string Name, string Text)[] Sources =
    [
        ("Crypto.cs", """
            using System.Security.Cryptography;

            namespace App;

            #pragma warning disable SYSLIB0022
            public static class Crypto
            {
                public static byte[] Tagged(byte[] key, byte[] plaintext)
                {
                    var nonce = new byte[12];
                    var ciphertext = new byte[plaintext.Length];
                    var tag = new byte[12];
                    using var aes = new AesGcm(key, 12);
                    aes.Encrypt(nonce, plaintext, ciphertext, tag);
                    return [.. nonce, .. ciphertext, .. tag];
                }

                public static byte[] Cbc(byte[] key, byte[] plaintext)
                {
                    using var aes = Aes.Create();
                    aes.KeySize = 128;
                    aes.Key = key;
                    using var encryptor = aes.CreateEncryptor();
                    return encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
                }

                public static byte[] Legacy(byte[] key, byte[] iv, byte[] data)
                {
                    using var rijndael = Rijndael.Create();
                    rijndael.Key = key;
                    return rijndael.EncryptCbc(data, iv);
                }
            }
            """),
        ("Records.cs", """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;

            namespace App;

            public sealed class Patient
            {
                public int Id { get; set; }

                [PersonalData]
                public string Email { get; set; } = "";
            }

            public sealed class Records(ILogger<Records> logger)
            {
                public string Contact(Patient patient, string userId, string ipAddress) => patient.Email;

                public void Mail(Patient patient) => logger.LogInformation("Mailing {Email}", patient.Email);
            }
            """),
        ("Login.cs", """
            using Microsoft.AspNetCore.Authentication.OAuth;
            using Duende.IdentityServer.Models;

            namespace App;

            public static class Login
            {
                public static void Configure(OAuthOptions options) { options.UsePkce = false; }

                public static Client Web() => new Client { ClientId = "web", AllowedGrantTypes = GrantTypes.Code, AllowPlainTextPkce = true, AccessTokenLifetime = 7200 };
            }
            """),
        ("IdentityServer.cs", IdentityServerStandIns.Duende),
    ];

    [Fact]
    public async Task HostileNamesRequirementsInsteadAndAuditFields_ThroughEveryFix_AddNoCode()
    {
        var references = RuntimeReferences.AspNetCore;
        var fixedProject = await FixedProject.ApplyAsync(references, Yaml("SEC-001", "SEC-002", "SEC-003", "SEC-004"), Fixers.All, LoggerMessageGenerator(), Sources);

        Assert.Equal(
            ["SRA1001", "SRA1002", "SRA1003", "SRA1004", "SRA1006", "SRA2001", "SRA2003", "SRA2004", "SRA3001", "SRA3002"],
            fixedProject.Applied.Select(key => key[..7]).Distinct().Order(StringComparer.Ordinal));
        await AssertNothingInjectedAsync(fixedProject.Project);

        // The hostile audit fields became plain identifiers, and the audit call the fix wrote satisfies the control.
        var records = await fixedProject.TextAsync("Records.cs");
        Assert.Contains("Message = \"PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}\"", records, StringComparison.Ordinal);
        Assert.Contains("PiiAuditLog.PiiAccessed(logger, userId, \"read Patient.Email in Records.Contact\", ipAddress);", records, StringComparison.Ordinal);
        Assert.DoesNotContain("SRA3001", fixedProject.RemainingIds);

        Assert.Equal("ran", await fixedProject.RunAsync(references, "public static class Harness { public static string Run() => \"ran\"; }"));
    }

    [Theory]
    [InlineData("\"SEC-001\\n#error injected\"")]
    [InlineData("\"SEC-001 */ class Injected { } /*\"")]
    [InlineData("'<script>alert(1)</script>'")]
    [InlineData("\"SEC-`rm -rf /`\"")]
    [InlineData("\"SEC-001</summary>\"")]
    public async Task HostileControlIds_AreRejected_SoNoFixEverWritesThem(string id)
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml(id, "SEC-002", "SEC-003", "SEC-004"), Fixers.All, LoggerMessageGenerator(), Sources);

        Assert.Contains("SRA0018", fixedProject.RemainingIds);
        Assert.DoesNotContain(fixedProject.Applied, key => key.StartsWith("SRA100", StringComparison.Ordinal));
        await AssertNothingInjectedAsync(fixedProject.Project);
    }

    [Theory]
    [InlineData("SEC-003\n#error injected\nclass Injected { }")]
    [InlineData("SEC */ class Injected { } /*")]
    [InlineData("</summary><script>alert(1)</script>")]
    [InlineData("SEC \"quoted\" `rm -rf /` \r\n#pragma warning disable")]
    public async Task Helpers_NamingAHostileControl_CompileToOneTypeWithWellFormedDocs(string controlId)
    {
        var audit = PiiAuditPrescription.ClassText(controlId, ["user\r\nid", "Action\"*/`", "#ip-address</>", "user_id", "`"]);
        var lifetimes = TokenLifetimePrescription.ClassText(controlId, TimeSpan.FromMinutes(15), TimeSpan.FromDays(7), TimeSpan.FromMinutes(5));
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Helpers",
            [CSharpSyntaxTree.ParseText(audit, parse, path: "/app/Audit.cs"), CSharpSyntaxTree.ParseText(lifetimes, parse, path: "/app/Lifetimes.cs")],
            RuntimeReferences.AspNetCore.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var generator = (IIncrementalGenerator)Activator.CreateInstance(PiiAuditFixTest.LoggerMessageGenerator.Value)!;
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: parse).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS1570" or "CS1587" or "CS1572" or "CS1573"));
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            Assert.Single(root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>());
            Assert.All(root.DescendantTrivia(descendIntoTrivia: true).Select(t => t.GetStructure()).OfType<DirectiveTriviaSyntax>(), d => Assert.IsType<NullableDirectiveTriviaSyntax>(d));
            var comment = root.DescendantTrivia().Single(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia));
            var xml = XElement.Parse("<doc>" + comment.ToString().Replace("///", string.Empty, StringComparison.Ordinal) + "</doc>");
            Assert.Contains(controlId.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal), xml.Value, StringComparison.Ordinal);
        }

        var method = generated.GetTypeByMetadataName(PiiAuditPrescription.ClassName)!.GetMembers(PiiAuditPrescription.MethodName).OfType<IMethodSymbol>().Single();
        Assert.Equal(["logger", "userId", "action", "ipAddress"], method.Parameters.Select(p => p.Name));
    }

    private static IEnumerable<ISourceGenerator> LoggerMessageGenerator() =>
        [((IIncrementalGenerator)Activator.CreateInstance(PiiAuditFixTest.LoggerMessageGenerator.Value)!).AsSourceGenerator()];

    /// <summary>No marker of the hostile text anywhere in the fixed files, no new directive, no new type but the helpers.</summary>
    private static async Task AssertNothingInjectedAsync(Project project)
    {
        var allowedTypes = Sources.SelectMany(s => CSharpSyntaxTree.ParseText(s.Text).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText))
            .Concat(["AesGcmEncryption", "PiiAuditLog", "PkceCodes"]).ToHashSet();
        foreach (var document in project.Documents)
        {
            var text = (await document.GetTextAsync()).ToString();
            var original = Sources.FirstOrDefault(s => s.Name == document.Name).Text ?? FixedProject.GlobalUsings;
            foreach (var marker in Markers)
            {
                Assert.Equal(Count(original, marker), Count(text, marker));
            }

            var root = (await document.GetSyntaxRootAsync())!;
            Assert.All(root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>(), t => Assert.Contains(t.Identifier.ValueText, allowedTypes));
            var directives = root.DescendantTrivia(descendIntoTrivia: true).Select(t => t.GetStructure()).OfType<DirectiveTriviaSyntax>().ToList();
            Assert.All(directives, d => Assert.True(d is NullableDirectiveTriviaSyntax || original.Contains(d.ToString().Trim(), StringComparison.Ordinal), document.Name + ": " + d));
        }
    }

    private static int Count(string text, string marker) => (text.Length - text.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;
}
