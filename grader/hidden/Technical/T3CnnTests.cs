// Kills: D10-M2 (dilated conv output size from K instead of (K − 1)·d + 1), wrong tap spacing, stride/pad slips,
// max-pool gradient routed to the wrong element, a maximum started at 0 or a tie split, and the stand-in's stride-1 conv1d
// and global average pooling (both self-consistent, so the gradient checks alone cannot tell).
namespace Course.Technical.Tests;

public class T3CnnTests
{
    /// <summary>A dilated kernel is a plain kernel with d − 1 zeros between taps: the engine's Conv2d on it is the reference.</summary>
    private static Tensor Spread(Tensor w, int d)
    {
        int fn = w.Dim(0), c = w.Dim(1), kh = w.Dim(2), kw = w.Dim(3);
        var big = Tensor.Zeros(fn, c, (kh - 1) * d + 1, (kw - 1) * d + 1);
        for (int f = 0; f < fn; f++)
            for (int ch = 0; ch < c; ch++)
                for (int u = 0; u < kh; u++)
                    for (int v = 0; v < kw; v++)
                        big[f, ch, u * d, v * d] = w[f, ch, u, v];
        return big;
    }

    [Theory]
    [Trait("Exercise", "T3.dilated-conv")]
    [InlineData(2, 1, 7, 5)]
    [InlineData(3, 0, 9, 3)]
    [InlineData(1, 1, 6, 6)]
    public void Dilated_conv_output_size(int dilation, int pad, int size, int expected)
    {
        var conv = new DilatedConv2d(Tensor.Ones(2, 1, 3, 3), Tensor.Zeros(2), dilation, pad);
        conv.Forward(Tensor.Ones(1, 1, size, size)).Shape.ToArray().Should().Equal([1, 2, expected, expected]);
    }

    [Fact]
    [Trait("Exercise", "T3.dilated-conv")]
    public void Dilated_conv_matches_a_plain_conv_on_the_spread_kernel()
    {
        var rng = new Rng(41);
        var w = rng.Normal(1.0, 3, 2, 3, 2);
        var b = rng.Normal(1.0, 3);
        var x = rng.Normal(1.0, 2, 2, 8, 7);
        var y = new DilatedConv2d(w.Clone(), b.Clone(), 2, 2).Forward(x);
        var expected = new Conv2d<double>(Spread(w, 2), b.Clone(), 1, 2).Forward(x);
        TensorAssert.Close(y, expected, 1e-12, 1e-12, "y");
    }

    [Fact]
    [Trait("Exercise", "T3.dilated-conv")]
    public void Dilated_conv_gradient_check()
    {
        var rng = new Rng(42);
        var conv = new DilatedConv2d(rng.Normal(1.0, 2, 2, 2, 3), rng.Normal(1.0, 2), 2, 1);
        GradAssert.LayerGradientsMatch(conv, rng.Normal(1.0, 2, 2, 6, 6), new Rng(43), 1e-6);
    }

    [Fact]
    [Trait("Exercise", "T3.dilated-conv")]
    public void Dilated_conv_contract()
    {
        var rng = new Rng(44);
        LayerContract.BackwardLeavesDOutAndRepeats(new DilatedConv2d(rng.Normal(1.0, 2, 1, 2, 2), rng.Normal(1.0, 2), 2, 1), rng.Normal(1.0, 1, 1, 5, 5), new Rng(45));
    }

    /// <summary>Naive 1-D convolution on an explicitly padded copy of x.</summary>
    private static double[,,] NaiveConv1d(Tensor x, Tensor w, Tensor b, int stride, int pad)
    {
        int n = x.Dim(0), c = x.Dim(1), l = x.Dim(2), f = w.Dim(0), k = w.Dim(2), ol = (l + 2 * pad - k) / stride + 1;
        var padded = new double[n, c, l + 2 * pad];
        for (int i = 0; i < n; i++) for (int ch = 0; ch < c; ch++) for (int p = 0; p < l; p++) padded[i, ch, p + pad] = x[i, ch, p];
        var y = new double[n, f, ol];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < f; o++)
                for (int t = 0; t < ol; t++)
                {
                    double s = b[o];
                    for (int ch = 0; ch < c; ch++) for (int j = 0; j < k; j++) s += w[o, ch, j] * padded[i, ch, t * stride + j];
                    y[i, o, t] = s;
                }
        return y;
    }

    [Theory]
    [Trait("Exercise", "T3.conv1d")]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Conv1d_matches_naive_loops(int stride, int pad)
    {
        var rng = new Rng(51);
        var (w, b, x) = (rng.Normal(1.0, 3, 2, 3), rng.Normal(1.0, 3), rng.Normal(1.0, 2, 2, 10));
        var y = new Conv1d(w.Clone(), b.Clone(), stride, pad).Forward(x);
        var expected = NaiveConv1d(x, w, b, stride, pad);
        y.Shape.ToArray().Should().Equal([2, 3, expected.GetLength(2)]);
        for (int i = 0; i < 2; i++) for (int o = 0; o < 3; o++) for (int t = 0; t < expected.GetLength(2); t++)
            y[i, o, t].Should().BeApproximately(expected[i, o, t], 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T3.conv1d")]
    public void Conv1d_with_a_stride_past_the_kernel_skips_positions_forward_and_backward()
    {
        // K = 2, stride 3 on L = 8: windows at 0–1, 3–4, 6–7, so x[2] and x[5] are never read and get no gradient.
        var conv = new Conv1d(Tensor.From([2.0, -1.0], 1, 1, 2), Tensor.From([0.5], 1), stride: 3, pad: 0);
        var y = conv.Forward(Tensor.From([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], 1, 1, 8));
        TensorAssert.Close(y, Tensor.From([0.5, 3.5, 6.5], 1, 1, 3), 1e-12, "2·x[3t] − x[3t + 1] + 0.5");
        var dx = conv.Backward(Tensor.From([1.0, -2.0, 3.0], 1, 1, 3));
        TensorAssert.Close(dx, Tensor.From([2.0, -1.0, 0.0, -4.0, 2.0, 0.0, 6.0, -3.0], 1, 1, 8), 1e-12, "dX[3t + j] = dOut[t]·W[j]");
        TensorAssert.Close(conv.W.Grad, Tensor.From([14.0, 16.0], 1, 1, 2), 1e-12, "dW[j] = Σₜ dOut[t]·x[3t + j]");
        TensorAssert.Close(conv.B.Grad, Tensor.From([2.0], 1), 1e-12);
    }

    [Fact]
    [Trait("Exercise", "T3.conv1d")]
    public void Conv1d_gradient_check()
    {
        var rng = new Rng(52);
        GradAssert.LayerGradientsMatch(new Conv1d(rng.Normal(1.0, 2, 3, 3), rng.Normal(1.0, 2), 2, 1), rng.Normal(1.0, 2, 3, 9), new Rng(53), 1e-6);
    }

    [Fact]
    [Trait("Exercise", "T3.conv1d")]
    public void Conv1d_contract()
    {
        var rng = new Rng(54);
        LayerContract.BackwardLeavesDOutAndRepeats(new Conv1d(rng.Normal(1.0, 2, 1, 3), rng.Normal(1.0, 2), 1, 1), rng.Normal(1.0, 2, 1, 6), new Rng(55));
    }

    [Fact]
    [Trait("Exercise", "T3.global-max-pool")]
    public void Global_max_pooling_matches_a_naive_maximum_and_routes_the_gradient()
    {
        var rng = new Rng(61);
        var x = rng.Normal(1.0, 2, 3, 4, 5);
        var pool = new GlobalMaxPooling();
        var y = pool.Forward(x);
        y.Shape.ToArray().Should().Equal([2, 3]);
        var dx = pool.Backward(Tensor.Ones(2, 3));
        for (int i = 0; i < 2; i++)
            for (int c = 0; c < 3; c++)
            {
                var map = Enumerable.Range(0, 20).Select(j => x[i, c, j / 5, j % 5]).ToArray();
                y[i, c].Should().Be(map.Max());
                int arg = Array.IndexOf(map, map.Max());
                for (int j = 0; j < 20; j++) dx[i, c, j / 5, j % 5].Should().Be(j == arg ? 1.0 : 0.0);
            }
    }

    [Fact]
    [Trait("Exercise", "T3.global-max-pool")]
    public void Global_max_pooling_on_all_negative_maps_with_a_tie()
    {
        // Channel 0 ties at −1 (positions 1 and 2: the first takes the gradient); channel 1's maximum is −0.25.
        var x = Tensor.From([-3.0, -1.0, -1.0, -2.0, -0.5, -4.0, -0.25, -9.0], 1, 2, 2, 2);
        var pool = new GlobalMaxPooling();
        TensorAssert.Close(pool.Forward(x), Tensor.From([-1.0, -0.25], 1, 2), 0, "a maximum below 0, not 0");
        TensorAssert.Close(pool.Backward(Tensor.From([2.0, -3.0], 1, 2)), Tensor.From([0.0, 2.0, 0.0, 0.0, 0.0, 0.0, -3.0, 0.0], 1, 2, 2, 2), 0,
            "the whole gradient goes to the first maximum");
    }

    [Fact]
    [Trait("Exercise", "T3.global-max-pool")]
    public void Global_max_pooling_gradient_check()
    {
        // Distinct values at least 0.01 apart, so ±h never changes which element is the maximum.
        var perm = new Rng(62).Permutation(2 * 2 * 3 * 3);
        var x = Tensor.From(perm.Select(p => 0.01 * p).ToArray(), 2, 2, 3, 3);
        GradAssert.LayerGradientsMatch(new GlobalMaxPooling(), x, new Rng(63), 1e-6);
    }

    [Fact]
    [Trait("Exercise", "T3.global-max-pool")]
    public void Global_max_pooling_contract() =>
        LayerContract.BackwardLeavesDOutAndRepeats(new GlobalMaxPooling(), new Rng(64).Normal(1.0, 2, 2, 3, 3), new Rng(65));
}
