using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Analyzers.Bans;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Bans;

/// <summary>
/// Which documentation ids name a member that code can use only by writing its name, read from the id's text before
/// anything is bound: a wrong "yes" would let a use without the name through, so every accepted id is also bound here.
/// </summary>
public sealed class SpelledMemberIdsTests
{
    private const string Source = """
        namespace N
        {
            public class C<T>
            {
                public static byte[] Decode(string s) => new byte[0];
                public static U Convert<U>(T value) => default!;
                public int Size { get; set; }
                public int this[int i] => i;
                public static int Field;
                public event System.EventHandler? Changed;
                public C() { }
                static C() { }
                ~C() { }
                public static C<T> operator +(C<T> a, C<T> b) => a;
                public static implicit operator int(C<T> c) => 0;
                public System.Collections.Generic.IEnumerator<int> GetEnumerator() => null!;
            }

            public class D : System.IDisposable
            {
                void System.IDisposable.Dispose() { }
            }
        }
        """;

    [Theory]
    [InlineData("M:N.C`1.Decode(System.String)", "Decode")]
    [InlineData("M:N.C`1.Convert``1(`0)", "Convert")]
    [InlineData("P:N.C`1.Size", "Size")]
    [InlineData("F:N.C`1.Field", "Field")]
    [InlineData("E:N.C`1.Changed", "Changed")]
    [InlineData("M:System.Convert.FromBase64String(System.String)", "FromBase64String")]
    [InlineData("P:N.C`1.Item(System.Int32)", null)]
    [InlineData("M:N.C`1.#ctor", null)]
    [InlineData("M:N.C`1.#cctor", null)]
    [InlineData("M:N.C`1.Finalize", null)]
    [InlineData("M:N.C`1.op_Addition(N.C{`0},N.C{`0})", null)]
    [InlineData("M:N.C`1.op_Implicit(N.C{`0})~System.Int32", null)]
    [InlineData("M:N.C`1.get_Size", null)]
    [InlineData("M:N.C`1.GetEnumerator", null)]
    [InlineData("M:N.D.System#IDisposable#Dispose", null)]
    [InlineData("T:N.D", null)]
    [InlineData("N:N", null)]
    [InlineData("M:Decode", null)]
    [InlineData("", null)]
    public void NameOf_AcceptsOnlyMembersUsedByTheirName(string id, string? expected)
    {
        Assert.Equal(expected, SpelledMemberIds.NameOf(id));
    }

    [Theory]
    [InlineData("M:N.C`1.Decode(System.String)")]
    [InlineData("M:N.C`1.Convert``1(`0)")]
    [InlineData("P:N.C`1.Size")]
    [InlineData("F:N.C`1.Field")]
    [InlineData("E:N.C`1.Changed")]
    public void AcceptedIds_BindToOrdinaryMethods_PropertiesThatAreNoIndexer_FieldsAndEvents(string id)
    {
        var compilation = AnalyzerRunner.Compile(Source);

        var symbol = Assert.Single(DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation));

        Assert.Equal(SpelledMemberIds.NameOf(id), symbol.Name);
        Assert.True(symbol switch
        {
            IMethodSymbol method => method.MethodKind == MethodKind.Ordinary,
            IPropertySymbol property => !property.IsIndexer,
            IFieldSymbol or IEventSymbol => true,
            _ => false,
        });
    }
}
