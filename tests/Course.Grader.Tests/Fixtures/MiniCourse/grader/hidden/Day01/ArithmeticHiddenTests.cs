// Kills: F1-M1 Add subtracts · F1-M2 Scale mutates its input
using Course.Day01;
using Xunit;

namespace Course.Day01.Hidden;

public class ArithmeticHiddenTests
{
    [Theory, Trait("Exercise", "1.1")]
    [InlineData(-1.5, 1.5, 0.0)]
    [InlineData(1e300, 1e300, 2e300)]
    public void Add_matches_sum(double a, double b, double sum) => Assert.Equal(sum, Arithmetic.Add(a, b));

    [Fact, Trait("Exercise", "1.1")]
    public void Add_is_commutative() => Assert.Equal(Arithmetic.Add(7, -2), Arithmetic.Add(-2, 7));

    [Fact, Trait("Exercise", "1.2")]
    public void Scale_leaves_input_untouched()
    {
        var xs = new[] { 1.0, 2.0, 3.0 };
        var scaled = Arithmetic.Scale(xs, -3);
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, xs);
        Assert.Equal(new[] { -3.0, -6.0, -9.0 }, scaled);
    }
}
