using Course.Day01;
using Xunit;

namespace Course.Day01.Tests;

public class ArithmeticTests
{
    [Fact, Trait("Exercise", "1.1")]
    public void Add_two_and_three_is_five() => Assert.Equal(5.0, Arithmetic.Add(2, 3));

    [Fact, Trait("Exercise", "1.2")]
    public void Scale_doubles_each_element() => Assert.Equal(new[] { 2.0, 4.0 }, Arithmetic.Scale([1, 2], 2));
}
