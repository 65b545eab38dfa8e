using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class PoolingTests
{
    /// <summary>A permutation of well-separated values (gap 0.1 ≥ 1e-3), so ±h never changes a window's maximum.</summary>
    private static Tensor<double> Separated(Rng rng, params int[] shape)
    {
        int length = shape.Aggregate(1, (a, b) => a * b);
        var perm = rng.Permutation(length);
        return Tensor<double>.From(perm.Select(p => 0.1 * p - 0.05 * length).ToArray(), shape);
    }

    [Fact]
    public void Max_pool_takes_the_window_maximum_per_channel()
    {
        var x = Tensor<double>.From([
            1, 2, 5, 0,
            3, 4, 1, 1,
            0, 0, 2, 2,
            9, 0, 2, 7,
        ], 1, 1, 4, 4);
        var y = new MaxPool2d<double>(2, 2).Forward(x);
        y.ToArray().Should().Equal(4, 5, 9, 7);
    }

    [Fact]
    public void Max_pool_backward_routes_each_gradient_to_its_argmax_only()
    {
        var x = Tensor<double>.From([
            1, 2, 5, 0,
            3, 4, 1, 1,
            0, 0, 2, 2,
            9, 0, 2, 7,
        ], 1, 1, 4, 4);
        var pool = new MaxPool2d<double>(2, 2);
        pool.Forward(x);
        var dx = pool.Backward(Tensor<double>.From([10, 20, 30, 40], 1, 1, 2, 2));
        dx.ToArray().Should().Equal(
            0, 0, 20, 0,
            0, 10, 0, 0,
            0, 0, 0, 0,
            30, 0, 0, 40);
    }

    [Fact]
    public void Ties_send_the_whole_gradient_to_the_first_maximum_in_row_major_order()
    {
        var pool = new MaxPool2d<double>(2, 2);
        pool.Forward(Tensor<double>.From([7, 7, 7, 7], 1, 1, 2, 2));
        pool.Backward(Tensor<double>.From([1.0], 1, 1, 1, 1)).ToArray().Should().Equal(1, 0, 0, 0);
    }

    [Fact]
    public void Overlapping_windows_accumulate_on_a_shared_maximum()
    {
        // 3×3 with the maximum in the centre, 2×2 windows at stride 1: all four windows pick the centre.
        var x = Tensor<double>.From([0, 1, 0, 1, 9, 1, 0, 1, 0], 1, 1, 3, 3);
        var pool = new MaxPool2d<double>(2, 1);
        pool.Forward(x).ToArray().Should().Equal(9, 9, 9, 9);
        pool.Backward(Tensor<double>.Ones(1, 1, 2, 2))[0, 0, 1, 1].Should().Be(4);
    }

    [Fact]
    public void A_one_pixel_shift_inside_a_window_leaves_the_output_unchanged()
    {
        var a = Tensor<double>.Zeros(1, 1, 4, 4);
        a[0, 0, 0, 0] = 1;
        var b = Tensor<double>.Zeros(1, 1, 4, 4);
        b[0, 0, 1, 1] = 1;
        var pool = new MaxPool2d<double>(2, 2);
        pool.Forward(a).ToArray().Should().Equal(pool.Forward(b).ToArray());
    }

    [Theory]
    [InlineData(2, 2, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(2, 1, 0)]
    public void Max_pool_gradients_match_with_separated_values(int pool, int stride, int pad)
    {
        var rng = new Rng(30);
        GradAssert.LayerGradientsMatch(new MaxPool2d<double>(pool, stride, pad), Separated(rng, 2, 3, 5, 5), rng.Fork("check"));
    }

    [Theory]
    [InlineData(2, 2, 0)]     // the branch-free fast path
    [InlineData(3, 2, 1)]     // the general path
    public void Max_pool_matches_a_naive_first_maximum_scan_on_data_full_of_ties(int pool, int stride, int pad)
    {
        var rng = new Rng(33);
        var x = Tensor<double>.From(Enumerable.Range(0, 2 * 3 * 8 * 6).Select(_ => (double)rng.NextInt(3)).ToArray(), 2, 3, 8, 6);
        var layer = new MaxPool2d<double>(pool, stride, pad);
        var y = layer.Forward(x);
        int oh = (8 + 2 * pad - pool) / stride + 1, ow = (6 + 2 * pad - pool) / stride + 1, o = 0;
        for (int plane = 0; plane < 6; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++, o++)
        {
            int best = -1;
            for (int fy = 0; fy < pool; fy++)
            for (int fx = 0; fx < pool; fx++)
            {
                int iy = oy * stride - pad + fy, ix = ox * stride - pad + fx;
                if (iy < 0 || iy >= 8 || ix < 0 || ix >= 6) continue;
                int i = plane * 48 + iy * 6 + ix;
                if (best < 0 || x.Span[i] > x.Span[best]) best = i;
            }
            layer.ArgMax[o].Should().Be(best);
            y.Span[o].Should().Be(x.Span[best]);
        }
    }

    [Theory]
    [InlineData(6)]      // 3 windows per row: scalar only
    [InlineData(14)]     // 7 windows: one vector step that runs into the next row, then rewritten
    [InlineData(16)]     // exactly 8 windows
    [InlineData(28)]     // 14 windows (the small CNN's first pooling)
    [InlineData(34)]     // 17 windows: two vector steps and a scalar tail
    public void Float_two_by_two_pooling_matches_the_first_maximum_scan_forward_and_backward(int width)
    {
        // Values from {0, 1, 2} (ReLU outputs are full of tied zeros): the vector path must pick the first maximum in
        // row-major order exactly like the scalar one, and its backward must put each gradient on that cell alone.
        var rng = new Rng(34);
        int n = 2, c = 3, h = 6, planes = n * c, oh = h / 2, ow = width / 2;
        var x = Tensor<float>.From(Enumerable.Range(0, n * c * h * width).Select(_ => (float)rng.NextInt(3)).ToArray(), n, c, h, width);
        var layer = new MaxPool2d<float>(2, 2);
        var y = layer.Forward(x);
        var dy = Tensor<float>.From(Enumerable.Range(1, planes * oh * ow).Select(i => (float)i).ToArray(), n, c, oh, ow);
        var dx = layer.Backward(dy);

        var expectedDx = new float[x.Length];
        int o = 0;
        for (int plane = 0; plane < planes; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++, o++)
        {
            int best = -1;
            for (int fy = 0; fy < 2; fy++)
            for (int fx = 0; fx < 2; fx++)
            {
                int i = (plane * h + 2 * oy + fy) * width + 2 * ox + fx;
                if (best < 0 || x.Span[i] > x.Span[best]) best = i;
            }
            layer.ArgMax[o].Should().Be(best, $"output {o} (plane {plane}, row {oy}, column {ox})");
            y.Span[o].Should().Be(x.Span[best]);
            expectedDx[best] = dy.Span[o];
        }
        dx.ToArray().Should().Equal(expectedDx);
    }

    [Fact]
    public void Avg_pool_averages_and_spreads_the_gradient_evenly()
    {
        var x = Tensor<double>.From([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], 1, 1, 4, 4);
        var pool = new AvgPool2d<double>(2, 2);
        pool.Forward(x).ToArray().Should().Equal(3.5, 5.5, 11.5, 13.5);
        pool.Backward(Tensor<double>.From([4.0, 8, 12, 16], 1, 1, 2, 2))[0, 0, 3, 3].Should().Be(4);
        var rng = new Rng(31);
        GradAssert.LayerGradientsMatch(new AvgPool2d<double>(3, 2, 1), rng.Normal(1.0, 2, 2, 5, 5), rng);
    }

    [Fact]
    public void Global_average_pooling_maps_planes_to_means_and_back()
    {
        var rng = new Rng(32);
        var x = rng.Normal(1.0, 2, 3, 4, 5);
        var gap = new GlobalAvgPool<double>();
        var y = gap.Forward(x);
        y.ShapeArray.Should().Equal(2, 3);
        y[1, 2].Should().BeApproximately(x.Row(1).Row(2).Mean(), 1e-12);
        GradAssert.LayerGradientsMatch(gap, x, rng);
    }

    [Fact]
    public void Flatten_keeps_the_batch_axis_and_restores_the_shape_in_backward()
    {
        var flatten = new Flatten<double>();
        var x = Tensor<double>.Arange(24).Reshape(2, 3, 2, 2);
        flatten.Forward(x).ShapeArray.Should().Equal(2, 12);
        var dx = flatten.Backward(Tensor<double>.Arange(24).Reshape(2, 12));
        dx.ShapeArray.Should().Equal(2, 3, 2, 2);
        dx[1, 2, 1, 1].Should().Be(23);
    }

    [Fact]
    public void Pooling_layers_reject_non_image_input_and_early_backward()
    {
        new MaxPool2d<double>(2, 2).Invoking(p => p.Forward(Tensor<double>.Zeros(4, 4)))
            .Should().Throw<ArgumentException>().WithMessage("*MaxPool2d*(N, C, H, W)*(4, 4)*");
        new AvgPool2d<double>(2, 2).Invoking(p => p.Backward(Tensor<double>.Zeros(1, 1, 1, 1)))
            .Should().Throw<InvalidOperationException>();
        new MaxPool2d<double>(2, 2).Parameters.Should().BeEmpty();
    }
}
