using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class Conv2dTests
{
    /// <summary>The definition, seven nested loops: y[n,f,oy,ox] = b[f] + Σ_c,fy,fx w[f,c,fy,fx]·xpad[n,c,oy·s+fy,ox·s+fx].</summary>
    private static Tensor<double> DirectConvolution(Tensor<double> x, Tensor<double> w, Tensor<double> b, int stride, int pad)
    {
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), wd = x.Dim(3), fn = w.Dim(0), fh = w.Dim(2), fw = w.Dim(3);
        int oh = (h + 2 * pad - fh) / stride + 1, ow = (wd + 2 * pad - fw) / stride + 1;
        var y = Tensor<double>.Zeros(n, fn, oh, ow);
        for (int i = 0; i < n; i++)
        for (int f = 0; f < fn; f++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            double sum = b[f];
            for (int ch = 0; ch < c; ch++)
            for (int ky = 0; ky < fh; ky++)
            for (int kx = 0; kx < fw; kx++)
            {
                int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                if (iy >= 0 && iy < h && ix >= 0 && ix < wd) sum += w[f, ch, ky, kx] * x[i, ch, iy, ix];
            }
            y[i, f, oy, ox] = sum;
        }
        return y;
    }

    [Theory]
    [InlineData(2, 3, 7, 7, 4, 3, 2, 1)]
    [InlineData(1, 3, 5, 6, 2, 3, 1, 0)]
    [InlineData(3, 2, 6, 5, 3, 2, 1, 1)]
    [InlineData(2, 3, 9, 7, 2, 5, 2, 2)]
    [InlineData(1, 1, 3, 3, 1, 3, 1, 0)]
    [InlineData(2, 4, 8, 8, 5, 1, 1, 0)]
    [InlineData(2, 3, 7, 7, 4, 3, 1, 1)]     // "same" width: the block-copy im2col path
    [InlineData(1, 2, 5, 9, 3, 5, 1, 2)]
    public void Forward_equals_the_seven_loop_definition(int n, int c, int h, int w, int fn, int k, int stride, int pad)
    {
        var rng = new Rng(20);
        var x = rng.Normal(1.0, n, c, h, w);
        var wt = rng.Normal(1.0, fn, c, k, k);
        var b = rng.Normal(1.0, fn);

        var y = new Conv2d<double>(wt, b, stride, pad).Forward(x);

        TensorAssert.Close(y, DirectConvolution(x, wt, b, stride, pad), 1e-12);
    }

    [Fact]
    public void Non_square_kernels_match_the_definition_and_the_gradient_check()
    {
        var rng = new Rng(28);
        var x = rng.Normal(1.0, 2, 2, 5, 6);
        var w = rng.Normal(1.0, 3, 2, 3, 1);
        var b = rng.Normal(1.0, 3);
        var layer = new Conv2d<double>(w, b, 1, 0);
        TensorAssert.Close(layer.Forward(x), DirectConvolution(x, w, b, 1, 0), 1e-12);
        GradAssert.LayerGradientsMatch(layer, x, rng, tolerance: 1e-6);
        var padded = new Conv2d<double>(rng.Normal(1.0, 2, 2, 1, 3), rng.Normal(1.0, 2), 1, 1);
        TensorAssert.Close(padded.Forward(x), DirectConvolution(x, padded.W.Value, padded.B!.Value, 1, 1), 1e-12);
        GradAssert.LayerGradientsMatch(padded, x, rng, tolerance: 1e-6);
    }

    [Fact]
    public void Float32_forward_agrees_with_float64()
    {
        var rng = new Rng(21);
        var x = rng.Normal(1.0, 2, 3, 7, 7);
        var w = rng.Normal(1.0, 4, 3, 3, 3);
        var b = rng.Normal(1.0, 4);
        var y64 = new Conv2d<double>(w, b, 2, 1).Forward(x);
        var y32 = new Conv2d<float>(w.Cast<float>(), b.Cast<float>(), 2, 1).Forward(x.Cast<float>());
        TensorAssert.Close(y32.Cast<double>(), y64, 1e-4);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    public void Gradients_match_central_differences(int stride, int pad)
    {
        var rng = new Rng(22);
        var layer = new Conv2d<double>(3, 4, 3, rng.Fork("init"), stride, pad);
        layer.B!.Value.CopyFrom(rng.Normal(0.5, 4));

        var report = GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 2, 3, 5, 5), rng.Fork("check"), tolerance: 1e-6);

        report.ElementsChecked.Should().Be(2 * 3 * 5 * 5 + 4 * 3 * 3 * 3 + 4);
    }

    [Fact]
    public void A_1x1_convolution_is_a_per_pixel_affine_map()
    {
        var rng = new Rng(23);
        var w = rng.Normal(1.0, 2, 3, 1, 1);
        var b = rng.Normal(1.0, 2);
        var x = rng.Normal(1.0, 1, 3, 2, 2);
        var y = new Conv2d<double>(w, b).Forward(x);
        for (int f = 0; f < 2; f++)
        for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
        {
            double expected = b[f] + w[f, 0, 0, 0] * x[0, 0, i, j] + w[f, 1, 0, 0] * x[0, 1, i, j] + w[f, 2, 0, 0] * x[0, 2, i, j];
            y[0, f, i, j].Should().BeApproximately(expected, 1e-12);
        }
    }

    [Fact]
    public void Bias_free_convolution_has_only_W_and_the_He_scale()
    {
        var layer = new Conv2d<double>(16, 32, 3, new Rng(24), bias: false);
        layer.Parameters.Select(p => p.Name).Should().Equal("W");
        layer.W.Value.ShapeArray.Should().Equal(32, 16, 3, 3);
        double std = Math.Sqrt(layer.W.Value.Span.ToArray().Select(v => v * v).Average());
        std.Should().BeApproximately(Math.Sqrt(2.0 / (16 * 9)), 0.01);
    }

    [Fact]
    public void Wrong_channel_count_names_the_layer_and_both_shapes()
    {
        var layer = new Conv2d<double>(3, 4, 3, new Rng(25));
        var act = () => layer.Forward(Tensor<double>.Zeros(2, 2, 5, 5));
        act.Should().Throw<ArgumentException>().WithMessage("*Conv2d*(N, 3, H, W)*(2, 2, 5, 5)*");
        var rank = () => layer.Forward(Tensor<double>.Zeros(3, 5, 5));
        rank.Should().Throw<ArgumentException>().WithMessage("*Conv2d*(3, 5, 5)*");
    }

    [Fact]
    public void Kernel_larger_than_the_padded_input_throws_and_backward_before_forward_throws()
    {
        var layer = new Conv2d<double>(1, 1, 5, new Rng(26));
        layer.Invoking(l => l.Backward(Tensor<double>.Zeros(1, 1, 1, 1))).Should().Throw<InvalidOperationException>().WithMessage("*before Forward*");
        layer.Invoking(l => l.Forward(Tensor<double>.Zeros(1, 1, 3, 3))).Should().Throw<ArgumentException>().WithMessage("*larger than the padded input*");
    }

    [Fact]
    public void Backward_twice_gives_identical_results_and_leaves_dOut_unchanged()
    {
        var rng = new Rng(27);
        var layer = new Conv2d<double>(2, 3, 3, rng, 2, 1);
        layer.Forward(rng.Normal(1.0, 2, 2, 5, 5));
        var dOut = rng.Normal(1.0, 2, 3, 3, 3);
        var copy = dOut.Clone();
        var dx1 = layer.Backward(dOut);
        var dw1 = layer.W.Grad.Clone();
        var dx2 = layer.Backward(dOut);
        TensorAssert.Close(dx2, dx1, 0);
        TensorAssert.Close(layer.W.Grad, dw1, 0);
        TensorAssert.Close(dOut, copy, 0);
    }

    [Theory]
    [InlineData(3, 1, 28, 16)]    // the small CNN's first layer: per-image weight gradients on the long-dot path
    [InlineData(5, 16, 14, 32)]   // its second: per-image products on the blocked AVX kernels, 5 images over 2 cores
    public void Float_convolution_at_network_sizes_matches_the_float64_one(int n, int c, int size, int fn)
    {
        var rng = new Rng(41);
        var x = rng.Normal(1.0, n, c, size, size);
        var w = rng.Normal(0.1, fn, c, 3, 3);
        var b = rng.Normal(0.1, fn);
        var dy = rng.Normal(1.0, n, fn, size, size);
        var exact = new Conv2d<double>(w, b, 1, 1);
        var fast = new Conv2d<float>(w.Cast<float>(), b.Cast<float>(), 1, 1);

        var y = exact.Forward(x);
        TensorAssert.Close(fast.Forward(x.Cast<float>()).Cast<double>(), y, 1e-4, "y");
        TensorAssert.Close(y, DirectConvolution(x, w, b, 1, 1), 1e-10, "float64 y against the seven loops");
        var dx = exact.Backward(dy);
        TensorAssert.Close(fast.Backward(dy.Cast<float>()).Cast<double>(), dx, 1e-4, "dX");
        TensorAssert.Close(fast.W.Grad.Cast<double>(), exact.W.Grad, 1e-3, "dW (sums over up to 3,920 positions)");
        TensorAssert.Close(fast.B!.Grad.Cast<double>(), exact.B!.Grad, 1e-3, "db");
    }
}
