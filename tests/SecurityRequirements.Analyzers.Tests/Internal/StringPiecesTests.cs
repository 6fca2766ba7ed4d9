using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Tests.Internal;

/// <summary>
/// Which simple names the string checks know, by syntax alone, to be variables (no constant, so no binding), and which
/// they leave to binding. A wrong "variable" would hide a constant concatenation from SRA9002 and SRA2003/SRA2005.
/// </summary>
public sealed class StringPiecesTests
{
    [Theory]
    [InlineData("string M(string q) => \"a\" + Q;", "Q", false)]
    [InlineData("string M(string q) => \"a\" + q;", "q", true)]
    [InlineData("string M() { var q = \"b\"; return \"a\" + q; }", "q", true)]
    [InlineData("string M() { const string q = \"b\"; return \"a\" + q; }", "q", false)]
    [InlineData("string M(string q) { System.Func<string> f = () => { const string q = \"b\"; return \"a\" + q; }; return f(); }", "q", false)]
    [InlineData("string M() { var q = \"b\"; System.Func<string> f = () => \"a\" + q; return f(); }", "q", true)]
    [InlineData("string M() { System.Func<string, string> f = q => \"a\" + q; return f(\"b\"); }", "q", true)]
    [InlineData("string M(string[] all) { foreach (var q in all) { return \"a\" + q; } return \"\"; }", "q", true)]
    [InlineData("string M() { for (var q = \"b\"; ; ) { return \"a\" + q; } }", "q", true)]
    [InlineData("string M() { try { return \"\"; } catch (System.Exception q) { return \"a\" + q; } }", "q", true)]
    [InlineData("string M(int i) { switch (i) { case 0: var q = \"b\"; return \"\"; default: q = \"c\"; return \"a\" + q; } }", "q", true)]
    [InlineData("string M(object o) => o is string q ? \"a\" + q : \"\";", "q", false)]
    [InlineData("string M() { { var q = \"b\"; } return \"a\" + Q; }", "Q", false)]
    [InlineData("static readonly string Q = \"b\"; string M() => \"a\" + Q;", "Q", true)]
    [InlineData("const string Q = \"b\"; string M() => \"a\" + Q;", "Q", false)]
    [InlineData("string Q => \"b\"; string M() => \"a\" + Q;", "Q", true)]
    [InlineData("static readonly string Q = \"b\"; string M() { const string Q = \"c\"; return \"a\" + Q; }", "Q", false)]
    [InlineData("static readonly string R = \"b\" + Q;", "Q", false)]
    [InlineData("string this[string q] => \"a\" + q;", "q", true)]
    [InlineData("string P { set { _ = \"a\" + value; } }", "value", false)]
    public void NamesVariable_TellsVariablesFromWhatBindingDecides(string members, string name, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText("class C : B { " + members + " }");
        var use = tree.GetRoot().DescendantNodes().OfType<BinaryExpressionSyntax>().Single().Right;

        var identifier = Assert.IsType<IdentifierNameSyntax>(use);
        Assert.Equal(name, identifier.Identifier.ValueText);
        Assert.Equal(expected, StringPieces.NamesVariable(identifier));
        Assert.Equal(!expected, StringPieces.MayBeConstant(identifier));
    }

    [Fact]
    public void NamesVariable_ReadsAPrimaryConstructorParameter_UnlessAMemberOfThatNameIsConstant()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C(string q) { string M() => "a" + q; }
            class D(string q) { const string q = "b"; string M() => "a" + q; }
            class E { class Inner { string M() => "a" + Q; } static readonly string Q = "b"; }
            """);
        var uses = tree.GetRoot().DescendantNodes().OfType<BinaryExpressionSyntax>().Select(add => (IdentifierNameSyntax)add.Right).ToList();

        Assert.True(StringPieces.NamesVariable(uses[0]));
        Assert.False(StringPieces.NamesVariable(uses[1]));

        // Only the innermost type declaration is read: an outer type's member is left to binding.
        Assert.False(StringPieces.NamesVariable(uses[2]));
    }

    [Fact]
    public void NamesVariable_LeavesVeryLongBlocksAndTypesToBinding()
    {
        // Searching every statement or member for each use would cost more than binding the member once.
        var statements = string.Concat(Enumerable.Range(0, StringPieces.MaxSearchedDeclarations).Select(i => "var v" + i + " = 0; "));
        var members = string.Concat(Enumerable.Range(0, StringPieces.MaxSearchedDeclarations).Select(i => "int f" + i + "; "));
        var tree = CSharpSyntaxTree.ParseText(
            "class C { string M() { var q = \"b\"; " + statements + "return \"a\" + q; } }\n" +
            "class D { " + members + "static readonly string Q = \"b\"; string M() => \"a\" + Q; }\n" +
            "class E { string M() { var q = \"b\"; return \"a\" + q; } }");
        var uses = tree.GetRoot().DescendantNodes().OfType<BinaryExpressionSyntax>().Select(add => (IdentifierNameSyntax)add.Right).ToList();

        Assert.False(StringPieces.NamesVariable(uses[0]));
        Assert.False(StringPieces.NamesVariable(uses[1]));
        Assert.True(StringPieces.NamesVariable(uses[2]));
    }
}
