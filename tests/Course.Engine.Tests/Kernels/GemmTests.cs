using System.Numerics;
using System.Runtime.Intrinsics;
using Course.Engine.Kernels;

namespace Course.Engine.Tests.Kernels;

/// <summary>
/// The blocked, vectorised, multi-threaded GEMM against a naive triple loop (accumulated in double), for float and
/// double, every transA/transB combination, and sizes chosen to land on vector tails (1, 7, 17, 33), tile and block
/// edges (12-row tiles, 32-column slivers, 96-row / 256-deep / 512-wide blocks) and the threaded split.
/// </summary>
public class GemmTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 },
        { 1, 32, 64 },     // batch-1 layer (direct path)
        { 7, 17, 33 },
        { 17, 7, 1 },
        { 33, 33, 33 },
        { 13, 100, 7 },
        { 100, 17, 257 },  // k crosses the 256-deep block
        { 97, 33, 100 },   // m crosses the 96-row block
        { 1031, 9, 17 },   // many rows, a narrow ragged sliver
        { 12, 1000, 5 },
        { 13, 520, 260 },  // n crosses the 512-float (256-double) block, k the 256-deep one
    };

    /// <summary>Every implementation this machine can run: the direct loops, automatic choice, and each blocked kernel.</summary>
    private static Gemm.Path[] Paths =>
    [
        Gemm.Path.Direct,
        Gemm.Path.Auto,
        .. Vector256.IsHardwareAccelerated ? [Gemm.Path.Vector256Blocked] : Array.Empty<Gemm.Path>(),
        .. Vector512.IsHardwareAccelerated ? [Gemm.Path.Vector512Blocked] : Array.Empty<Gemm.Path>(),
    ];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Float_matches_naive_for_every_transpose_combination_and_path(int m, int n, int k)
    {
        foreach (var (transA, transB) in TransposeCombinations)
            AssertMatchesNaive<float>(m, n, k, transA, transB, Paths, threads: 2, tolerance: 2e-6);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Double_matches_naive_for_every_transpose_combination_and_path(int m, int n, int k)
    {
        foreach (var (transA, transB) in TransposeCombinations)
            AssertMatchesNaive<double>(m, n, k, transA, transB, Paths, threads: 2, tolerance: 1e-13);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Threaded_split_matches_naive_by_columns_and_by_rows(int threads)
    {
        // Wide C splits by column strips, tall C by row strips; both are above the threading threshold.
        foreach (var (transA, transB) in TransposeCombinations)
        {
            AssertMatchesNaive<float>(100, 200, 50, transA, transB, [Gemm.Path.Auto], threads, tolerance: 2e-6);
            AssertMatchesNaive<double>(200, 40, 120, transA, transB, [Gemm.Path.Auto], threads, tolerance: 1e-13);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Split_over_depth_matches_naive(int threads)
    {
        // Small C, long k (a convolution's weight gradient): the k ranges are summed from per-thread partial products.
        foreach (var (transA, transB) in TransposeCombinations)
        {
            AssertMatchesNaive<float>(20, 30, 1600, transA, transB, [Gemm.Path.Auto], threads, tolerance: 2e-6);
            AssertMatchesNaive<double>(20, 30, 1601, transA, transB, [Gemm.Path.Auto], threads, tolerance: 1e-13);
        }
    }

    [Theory]
    [InlineData(1, 1, 5000, 1)]
    [InlineData(3, 7, 2049, 2)]      // ragged 2×6 tiles, one element past a chunk
    [InlineData(9, 16, 6151, 2)]     // the first convolution's weight-gradient shape, shorter k
    [InlineData(14, 13, 4099, 3)]    // three k ranges, a vector tail in each
    public void Long_dot_products_match_naive(int m, int n, int k, int threads)
    {
        AssertMatchesNaive<float>(m, n, k, false, true, [Gemm.Path.LongDot], threads, tolerance: 2e-6);
        AssertMatchesNaive<double>(m, n, k, false, true, [Gemm.Path.LongDot], threads, tolerance: 1e-13);
    }

    [Fact]
    public void Auto_picks_long_dot_products_for_a_small_product_over_a_long_depth()
    {
        GemmLongDot.Suits(9, 16, 50_176).Should().BeTrue("the small CNN's first weight gradient over a batch");
        GemmLongDot.Suits(9, 16, 784).Should().BeTrue("the same over one 28×28 image");
        GemmLongDot.Suits(144, 32, 12_544).Should().BeFalse("its second fills the blocked kernel's 12 × 32 tiles exactly");
        GemmLongDot.Suits(128, 256, 784).Should().BeFalse("a fully connected layer's forward product");
    }

    [Fact]
    public void Overwrites_C_instead_of_accumulating_into_it()
    {
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8];
        float[] c = [100, 100, 100, 100];
        Gemm.Multiply<float>(a, b, c, 2, 2, 2);
        c.Should().Equal(19, 22, 43, 50);
    }

    [Fact]
    public void Zero_depth_product_is_all_zeros()
    {
        double[] c = [1, 2, 3, 4, 5, 6];
        Gemm.Multiply<double>([], [], c, 2, 3, 0);
        c.Should().AllBeEquivalentTo(0.0);
    }

    [Fact]
    public void Too_small_buffer_names_the_operation_and_sizes()
    {
        var act = () => Gemm.Multiply<float>(new float[5], new float[6], new float[4], 2, 2, 3);
        act.Should().Throw<ArgumentException>().WithMessage("Gemm: buffers too small for m=2, n=2, k=3*A has 5 (needs 6)*");
    }

    private static readonly (bool, bool)[] TransposeCombinations = [(false, false), (true, false), (false, true), (true, true)];

    private static void AssertMatchesNaive<T>(int m, int n, int k, bool transA, bool transB, Gemm.Path[] paths, int threads, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(m * 1_000_003 + n * 1009 + k);
        var a = new T[m * k];
        var b = new T[k * n];
        for (int i = 0; i < a.Length; i++) a[i] = T.CreateChecked(rng.NextDouble() * 2 - 1);
        for (int i = 0; i < b.Length; i++) b[i] = T.CreateChecked(rng.NextDouble() * 2 - 1);

        // Naive reference in double, with Σ|a·b| per element to scale the rounding tolerance.
        double[] ad = Array.ConvertAll(a, double.CreateChecked), bd = Array.ConvertAll(b, double.CreateChecked);
        var expected = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double product = ad[transA ? p * m + i : i * k + p] * bd[transB ? j * k + p : p * n + j];
                    sum += product;
                    abs += Math.Abs(product);
                }
                expected[i * n + j] = sum;
                magnitude[i * n + j] = abs;
            }

        foreach (var path in paths)
        {
            var c = new T[m * n];
            Array.Fill(c, T.CreateChecked(12345.0)); // garbage that must be overwritten
            Gemm.Multiply<T>(a, b, c, m, n, k, (transA ? Transpose.A : Transpose.None) | (transB ? Transpose.B : Transpose.None), path, threads);
            for (int e = 0; e < c.Length; e++)
            {
                double actual = double.CreateChecked(c[e]);
                if (Math.Abs(actual - expected[e]) > tolerance * (magnitude[e] + 1))
                    Assert.Fail($"{typeof(T).Name} {path} m={m} n={n} k={k} transA={transA} transB={transB} threads={threads}: " +
                                $"C[{e / n},{e % n}] = {actual}, naive {expected[e]}");
            }
        }
    }
}
