using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

public class FlowNestingGuardTests
{
    [Theory]
    [InlineData("controls: [[[[]]]]", 4, -1)]
    [InlineData("controls: [[[[[]]]]]", 4, 14)]
    [InlineData("a: {b: [c, {d: [e]}]}", 3, 15)]
    public void Depth_IsCountedAtFlowStarts(string yaml, int max, int expected) =>
        Assert.Equal(expected, FlowNestingGuard.FindTooDeep(SourceText.From(yaml), max));

    [Theory]
    [InlineData("patterns: ['[[[[[[', \"{{{{{{\"]")]
    [InlineData("pattern: foo[0-9][a-z][[x]]\n")]
    [InlineData("# [[[[[[[[\nname: x\n")]
    [InlineData("name: it's [[[[[[ fine\n")]
    public void BracketsInScalarsAndComments_AreNotNesting(string yaml) =>
        Assert.Equal(-1, FlowNestingGuard.FindTooDeep(SourceText.From(yaml), 2));
}
