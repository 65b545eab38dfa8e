// Kills: sin and cos swapped; exponent i/d instead of 2i/d (one frequency per column instead of per pair); odd dModel
// accepted; t counted from 1 (off by one position).
namespace Course.Day07.Tests;

[Trait("Exercise", "7.1")]
public class PositionalEncodingTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Every_entry_equals_sin_and_cos_of_t_over_10000_to_the_2i_over_d()
    {
        var pe = PositionalEncoding.Sinusoidal(50, 16);

        pe.Shape.ToArray().Should().Equal([50, 16]);
        for (int t = 0; t < 50; t++)
            for (int i = 0; i < 8; i++)
            {
                double angle = t / Math.Pow(10000.0, 2.0 * i / 16);
                pe[t, 2 * i].Should().BeApproximately(Math.Sin(angle), 1e-14, $"PE[{t}, {2 * i}] = sin(t / 10000^(2i/d)), t from 0, one frequency per pair");
                pe[t, 2 * i + 1].Should().BeApproximately(Math.Cos(angle), 1e-14, $"PE[{t}, {2 * i + 1}] = cos of the same angle");
            }
    }

    [Fact]
    [Trait("Weight", "2")]
    public void The_dot_product_of_two_rows_depends_only_on_their_distance()
    {
        var pe = PositionalEncoding.Sinusoidal(40, 12);
        double Dot(int a, int b) => Enumerable.Range(0, 12).Sum(c => pe[a, c] * pe[b, c]);

        for (int k = 1; k <= 10; k++)
            foreach (int t in new[] { 5, 17, 29 })
                Dot(t + k, t).Should().BeApproximately(Dot(k, 0), 1e-12, $"PE[t+{k}]·PE[t] is Σ cos(k·ωᵢ), the same for every t");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Row_0_alternates_0_1_values_stay_in_range_and_an_odd_dModel_throws()
    {
        var pe = PositionalEncoding.Sinusoidal(100, 8);

        pe.Row(0).ToArray().Should().Equal([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0]);
        pe.ToArray().Should().OnlyContain(v => v >= -1 && v <= 1);
        PositionalEncoding.Sinusoidal(1, 2).ToArray().Should().Equal([0.0, 1.0], "a single position, a single pair");
        FluentActions.Invoking(() => PositionalEncoding.Sinusoidal(5, 7)).Should().Throw<ArgumentException>("sin/cos come in pairs: dModel must be even");
    }
}
