using Course.Day02;
using Xunit;

namespace Course.Day02.Tests;

public class WordsTests
{
    [Fact, Trait("Exercise", "2.1")]
    public void Three_words() => Assert.Equal(3, Words.Count("a bb ccc"));
}
