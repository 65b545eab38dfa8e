using Course.Engine.Kernels;

namespace Course.Engine.Tests.Part2;

public class Im2ColTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(1, 3, 1)]
    [InlineData(2, 3, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(3, 3, 0)]
    public void Col2im_is_the_adjoint_of_im2col(int stride, int kernel, int pad)
    {
        var rng = new Rng(10);
        var g = new ConvGeometry(2, 3, 7, 6, kernel, kernel, stride, pad);
        var x = rng.Normal(1.0, 2, 3, 7, 6);
        var c = rng.Normal(1.0, g.K, g.NP);
        var col = new double[g.K * g.NP];
        Im2Col.Forward<double>(x.Span, col, g);
        var back = new double[x.Length];
        Im2Col.Backward<double>(c.Span, back, g);

        double lhs = 0, rhs = 0;
        for (int i = 0; i < col.Length; i++) lhs += col[i] * c.Span[i];
        for (int i = 0; i < back.Length; i++) rhs += x.Span[i] * back[i];
        lhs.Should().BeApproximately(rhs, 1e-10 * (1 + Math.Abs(lhs)));
    }

    [Fact]
    public void A_one_hot_pixel_appears_once_per_window_that_covers_it()
    {
        // 1×1×4×4 input, 3×3 kernel, stride 1, pad 0 → 2×2 outputs; pixel (1, 1) lies in all four windows,
        // at kernel offsets (1,1), (1,0), (0,1), (0,0) for outputs (0,0), (0,1), (1,0), (1,1).
        var x = Tensor<double>.Zeros(1, 1, 4, 4);
        x[0, 0, 1, 1] = 1;
        var g = new ConvGeometry(1, 1, 4, 4, 3, 3, 1, 0);
        var col = Tensor<double>.Zeros(g.K, g.NP);
        Im2Col.Forward<double>(x.Span, col.Span, g);

        col.Sum().Should().Be(4);
        col[1 * 3 + 1, 0].Should().Be(1);
        col[1 * 3 + 0, 1].Should().Be(1);
        col[0 * 3 + 1, 2].Should().Be(1);
        col[0 * 3 + 0, 3].Should().Be(1);
    }
}
