namespace Course.Engine.Tests;

/// <summary>Ops.MatMul (every transpose combination) against a naive triple loop on awkward sizes, float and double.</summary>
public class GemmNaiveComparisonTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 1, 7, 17 }, { 7, 17, 33 }, { 33, 1, 7 }, { 17, 33, 1000 }, { 1000, 7, 17 }, { 3, 1001, 33 },
    };

    private static double[] Naive(double[] a, double[] b, int m, int n, int k, bool transA, bool transB)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
                c[i * n + j] = s;
            }
        return c;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Double_matmul_matches_the_naive_loop(int m, int n, int k)
    {
        var rng = new Rng((ulong)(m * 1_000_003 + n * 1009 + k));
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var a = ta ? rng.Normal(1.0, k, m) : rng.Normal(1.0, m, k);
            var b = tb ? rng.Normal(1.0, n, k) : rng.Normal(1.0, k, n);

            var c = Ops.MatMul(a, b, ta, tb);

            c.ShapeArray.Should().Equal(m, n);
            // Sums of k products of N(0,1) values: rounding grows like k·ε.
            TensorAssert.Close(c, Tensor<double>.From(Naive(a.ToArray(), b.ToArray(), m, n, k, ta, tb), m, n), 1e-14 * k, $"transA={ta}, transB={tb}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Float_matmul_matches_the_naive_loop(int m, int n, int k)
    {
        var rng = new Rng((ulong)(m * 31 + n * 7 + k));
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var a = ta ? rng.Normal(1.0, k, m) : rng.Normal(1.0, m, k);
            var b = tb ? rng.Normal(1.0, n, k) : rng.Normal(1.0, k, n);
            var af = a.Cast<float>();
            var bf = b.Cast<float>();

            var c = Ops.MatMul(af, bf, ta, tb).Cast<double>();

            var exact = Naive(af.Cast<double>().ToArray(), bf.Cast<double>().ToArray(), m, n, k, ta, tb);
            TensorAssert.Close(c, Tensor<double>.From(exact, m, n), 2e-6 * k, $"transA={ta}, transB={tb}");
        }
    }

    [Fact]
    public void Inner_size_mismatch_names_both_shapes()
    {
        var act = () => Ops.MatMul(Tensor<double>.Zeros(2, 3), Tensor<double>.Zeros(4, 5));

        act.Should().Throw<ArgumentException>().WithMessage("MatMul: inner sizes differ: (2, 3) · (4, 5) (3 vs 4).");
    }
}
