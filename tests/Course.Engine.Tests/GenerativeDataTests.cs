using Course.Engine.Data;

namespace Course.Engine.Tests;

/// <summary>The Day 8 streamed targets: pinned first draws, the documented distributions, and the draw order.</summary>
public class GenerativeDataTests
{
    [Fact]
    public void Gaussian1D_first_draws_on_seed_0_are_pinned_and_the_noise_is_the_same_stream_unscaled()
    {
        var x = Gaussian1D.Sample(3, new Rng(0));
        var z = Gaussian1D.Noise(3, new Rng(0));

        x.ShapeArray.Should().Equal(3, 1);
        x.ToArray().Should().Equal(3.9762937617421117, 3.4953486286863904, 6.031387501594395);
        z.ToArray().Should().Equal(-0.01896499060631051, -0.40372109705088766, 1.6251100012755157);
        for (int i = 0; i < 3; i++) x[i, 0].Should().BeApproximately(4.0 + 1.25 * z[i, 0], 1e-12, "one NextGaussian per row");
    }

    [Fact]
    public void Gaussian1D_has_mean_4_and_std_1_25()
    {
        var x = Gaussian1D.Sample(100_000, new Rng(1));
        double mean = x.Mean();
        var c = x - mean;

        mean.Should().BeApproximately(4.0, 0.02);
        Math.Sqrt((c * c).Mean()).Should().BeApproximately(1.25, 0.02);
    }

    [Fact]
    public void Ring8_first_draws_on_seed_0_are_pinned_and_lie_near_their_modes()
    {
        var x = Ring8.Sample(2, new Rng(0));

        x.ShapeArray.Should().Equal(2, 2);
        x.ToArray().Should().Equal(-1.933798234907662, -0.005534890011489595, 1.36315112080912, -1.3283698772575072);
        Ring8.NearestMode(x[0, 0], x[0, 1]).Should().Be(4, "(−2, 0)");
        Ring8.NearestMode(x[1, 0], x[1, 1]).Should().Be(7, "(√2, −√2)");
        Ring8.Centre(2).X.Should().BeApproximately(0, 1e-15);
        Ring8.Centre(2).Y.Should().Be(2.0);
    }

    [Fact]
    public void Ring8_covers_all_eight_modes_evenly_with_std_0_05()
    {
        var x = Ring8.Sample(8000, new Rng(2));
        var counts = new int[8];
        double sq = 0;
        for (int i = 0; i < 8000; i++)
        {
            int k = Ring8.NearestMode(x[i, 0], x[i, 1]);
            counts[k]++;
            var (cx, cy) = Ring8.Centre(k);
            sq += (x[i, 0] - cx) * (x[i, 0] - cx) + (x[i, 1] - cy) * (x[i, 1] - cy);
        }

        counts.Should().OnlyContain(c => c > 900 && c < 1100);
        Math.Sqrt(sq / (2 * 8000)).Should().BeApproximately(0.05, 0.002);
    }

    [Fact]
    public void Sizes_below_one_are_refused()
    {
        var a = () => Gaussian1D.Sample(0, new Rng(0));
        var b = () => Ring8.Sample(0, new Rng(0));
        a.Should().Throw<ArgumentOutOfRangeException>();
        b.Should().Throw<ArgumentOutOfRangeException>();
    }
}
