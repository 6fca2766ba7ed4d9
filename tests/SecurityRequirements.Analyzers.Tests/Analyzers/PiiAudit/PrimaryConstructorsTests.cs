using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>The primary-constructor parameters of a file: read from type declarations only, and once per syntax tree.</summary>
public sealed class PrimaryConstructorsTests
{
    [Fact]
    public void ParameterNames_OfRecordsClassesAndStructs_NestedAndInNamespaces()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            namespace A
            {
                namespace B
                {
                    public record Customer(string Email, int Id)
                    {
                        public class Inner(string Phone) { }
                    }
                }

                public struct Point(int X) { }
            }

            namespace C;

            public class Plain { public Plain(string notPrimary) { } void M() { var f = (string local) => local; } }
            public record Empty();
            """);

        Assert.Equal(["Email", "Id", "Phone", "X"], PrimaryConstructors.ParameterNamesIn(tree, default).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParameterNames_AreReadOncePerTree_AndAnEditedTreeIsReadAgain()
    {
        var tree = CSharpSyntaxTree.ParseText("public record Customer(string Email);");
        var first = PrimaryConstructors.ParameterNamesIn(tree, default);
        Assert.True(first == PrimaryConstructors.ParameterNamesIn(tree, default));

        var edited = tree.WithChangedText(tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(0, tree.Length), "public class Customer { }")));
        Assert.Empty(PrimaryConstructors.ParameterNamesIn(edited, default));
        Assert.Equal(new[] { "Email" }, first.ToArray());
    }

    [Fact]
    public void AnyDeclaredIn_IsFalse_WithoutAPrimaryConstructorParameter()
    {
        Assert.False(PrimaryConstructors.AnyDeclaredIn(AnalyzerRunner.Compile("public record Empty(); public class C { public C(int x) { } }"), default));
        Assert.True(PrimaryConstructors.AnyDeclaredIn(AnalyzerRunner.Compile("public class C { }", "public class D { public struct S(int x) { } }"), default));
    }
}
