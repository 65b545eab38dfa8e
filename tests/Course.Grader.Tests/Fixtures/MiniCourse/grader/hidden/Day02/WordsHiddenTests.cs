// Kills: (none in the fixture)
using Course.Day02;
using Xunit;

namespace Course.Day02.Hidden;

public class WordsHiddenTests
{
    [Fact, Trait("Exercise", "2.1")]
    public void Runs_of_spaces_count_once() => Assert.Equal(2, Words.Count("  a \t\n b  "));
}
