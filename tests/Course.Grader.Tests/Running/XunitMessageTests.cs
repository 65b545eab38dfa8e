namespace Course.Grader.Tests.Running;

/// <summary>Hints reach the report as the stub wrote them.</summary>
public sealed class XunitMessageTests
{
    [Theory]
    [InlineData(@"build Parameter(\""W\"" + suffix, w)", "build Parameter(\"W\" + suffix, w)")]
    [InlineData(@"a\\b and \n", "a\\b and \n")]
    [InlineData(@"plain text, C:\path", @"plain text, C:\path")]
    public void Escaped_quotes_and_backslashes_are_undone(string written, string shown) =>
        Course.Grader.Running.XunitResults.Unescape(written).Should().Be(shown);
}
