namespace Course.Engine.Tests;

/// <summary>Every core layer passes the engine's own gradient check, and the layer contract (§3.2) holds.</summary>
public class LayerGradientTests
{
    private static Tensor<double> AwayFromZero(Rng rng, params int[] shape)
    {
        // ReLU inputs at least 1e-3 from the kink, so ±h never crosses it (CURRICULUM §3.3).
        var x = rng.Normal(1.0, shape);
        var s = x.Span;
        for (int i = 0; i < s.Length; i++) if (Math.Abs(s[i]) < 1e-3) s[i] = s[i] < 0 ? -1e-3 - s[i] : 1e-3 + s[i];
        return x;
    }

    [Fact]
    public void Affine_gradients_match_central_differences()
    {
        var rng = new Rng(1);
        var report = GradAssert.LayerGradientsMatch(new Affine<double>(4, 3, rng.Fork("init"), WeightInit.Xavier), rng.Normal(1.0, 5, 4), rng.Fork("check"));

        report.MaxRelError.Should().BeLessThan(1e-8);
        report.ElementsChecked.Should().Be(5 * 4 + 3 * 4 + 3);
    }

    [Fact]
    public void Affine_on_image_shaped_input_returns_dx_in_the_input_shape_and_passes_the_check()
    {
        var rng = new Rng(2);
        var layer = new Affine<double>(3 * 2 * 2, 5, rng.Fork("init"));
        var x = rng.Normal(1.0, 2, 3, 2, 2);

        layer.Forward(x).ShapeArray.Should().Equal(2, 5);
        layer.Backward(Tensor<double>.Ones(2, 5)).ShapeArray.Should().Equal(2, 3, 2, 2);
        GradAssert.LayerGradientsMatch(layer, x, rng.Fork("check"));
    }

    [Fact]
    public void Relu_gradients_match_away_from_the_kink()
    {
        var rng = new Rng(3);
        GradAssert.LayerGradientsMatch(new Relu<double>(), AwayFromZero(rng, 5, 4), rng.Fork("check"));
    }

    [Fact]
    public void Sigmoid_and_tanh_gradients_match()
    {
        var rng = new Rng(4);
        GradAssert.LayerGradientsMatch(new Sigmoid<double>(), rng.Normal(2.0, 5, 4), rng.Fork("a"));
        GradAssert.LayerGradientsMatch(new Tanh<double>(), rng.Normal(2.0, 5, 4), rng.Fork("b"));
    }

    [Fact]
    public void Dropout_is_checked_with_its_mask_frozen()
    {
        var rng = new Rng(5);
        var layer = new Dropout<double>(0.4, rng.Fork("mask"));

        var report = GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 6, 5), rng.Fork("check"));

        report.Passed.Should().BeTrue();
        layer.LastMask!.Span.ToArray().Should().OnlyContain(m => m == 0.0 || Math.Abs(m - 1.0 / 0.6) < 1e-15);
    }

    [Fact]
    public void A_sequential_stack_passes_as_one_composite_layer()
    {
        var rng = new Rng(6);
        var init = rng.Fork("init");
        var net = new Sequential<double>(new Affine<double>(6, 8, init), new Tanh<double>(), new Affine<double>(8, 3, init), new Sigmoid<double>());

        var report = GradAssert.LayerGradientsMatch(net, rng.Normal(1.0, 4, 6), rng.Fork("check"), tolerance: 1e-6);

        report.ElementsChecked.Should().Be(4 * 6 + 8 * 6 + 8 + 3 * 8 + 3);
    }

    [Fact]
    public void A_wrong_backward_fails_the_check_and_the_message_names_the_tensor_and_values()
    {
        var rng = new Rng(7);
        var broken = new BiasGradientFromOneRow(new Affine<double>(4, 3, rng.Fork("init")));

        var act = () => GradAssert.LayerGradientsMatch(broken, rng.Normal(1.0, 5, 4), rng.Fork("check"));

        act.Should().Throw<EngineAssertionException>()
           .WithMessage("*b[*analytic*numeric*relative error*");
    }

    [Fact]
    public void A_nan_gradient_is_a_failure_naming_the_index_never_a_pass()
    {
        var rng = new Rng(8);
        var report = GradCheck.Layer(new NaNAt(3), rng.Normal(1.0, 2, 4), rng);

        report.Passed.Should().BeFalse();
        report.TensorName.Should().Be("x");
        report.Index.Should().Equal(0, 3);
        report.ToString().Should().Contain("x[0, 3]").And.Contain("not finite");
    }

    [Fact]
    public void Function_check_accepts_the_right_gradient_and_rejects_a_halved_one()
    {
        var x = Tensor<double>.From([-7.0, 2.0]);
        Func<Tensor<double>, double> f = t => t[0] * t[0] / 20 + t[1] * t[1];
        var right = Tensor<double>.From([-0.7, 4.0]);

        GradCheck.Function(f, x, right).Passed.Should().BeTrue();
        GradCheck.Function(f, x, right * 0.5).Passed.Should().BeFalse();
        x.ToArray().Should().Equal(-7.0, 2.0);
    }

    [Fact]
    public void Large_tensors_are_sampled_at_200_indices()
    {
        var rng = new Rng(9);
        var report = GradCheck.Layer(new Tanh<double>(), rng.Normal(1.0, 50, 50), rng);

        report.Passed.Should().BeTrue();
        report.ElementsChecked.Should().Be(GradCheck.SampleCount);
    }

    [Fact]
    public void Wrong_input_shape_names_the_layer_and_both_shapes()
    {
        var layer = new Affine<double>(4, 3, new Rng(1));

        var act = () => layer.Forward(Tensor<double>.Zeros(2, 5));

        act.Should().Throw<ArgumentException>().WithMessage("Affine: expected input of shape (N, 4)*got (2, 5)*");
    }

    [Fact]
    public void Backward_before_forward_throws_for_every_layer()
    {
        ILayer<double>[] layers = [new Affine<double>(2, 2, new Rng(1)), new Relu<double>(), new Sigmoid<double>(), new Tanh<double>(), new Dropout<double>(0.5, new Rng(1))];
        foreach (var layer in layers)
            layer.Invoking(l => l.Backward(Tensor<double>.Zeros(1, 2))).Should().Throw<InvalidOperationException>().WithMessage("*Backward called before Forward*");
        new SoftmaxWithLoss<double>().Invoking(l => l.Backward()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Backward_overwrites_gradients_and_leaves_dout_unchanged()
    {
        var rng = new Rng(10);
        var layer = new Affine<double>(3, 2, rng);
        var x = rng.Normal(1.0, 4, 3);
        var dOut = rng.Normal(1.0, 4, 2);
        var copy = dOut.Clone();

        layer.Forward(x);
        layer.Backward(dOut);
        var first = layer.W.Grad.Clone();
        layer.Backward(dOut);

        TensorAssert.Close(layer.W.Grad, first, 0.0, "a second Backward overwrites, not accumulates");
        TensorAssert.Close(layer.B.Grad, dOut.Sum(axis: 0), 1e-15, "db is the column sum of dY");
        dOut.ToArray().Should().Equal(copy.ToArray());
    }

    [Fact]
    public void Dropout_is_inverted_and_the_identity_at_inference()
    {
        var rng = new Rng(11);
        var x = rng.Uniform(0.5, 1.5, 200, 1000);
        var layer = new Dropout<double>(0.3, rng.Fork("mask"));

        var y = layer.Forward(x);
        double kept = layer.LastMask!.Span.ToArray().Count(m => m != 0) / (double)x.Length;

        kept.Should().BeApproximately(0.7, 0.005);
        (y.Mean() / x.Mean()).Should().BeApproximately(1.0, 0.01);
        layer.Forward(x, training: false).ToArray().Should().Equal(x.ToArray());
        new Action(() => new Dropout<double>(1.0, rng)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Mean_squared_error_is_half_the_sum_of_squares_over_the_batch()
    {
        var mse = new MeanSquaredError<double>();
        var y = Tensor<double>.From([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0], 1, 10);

        // The book's §4.2.1 example: label 2 → 0.0975.
        mse.Forward(y, [2]).Should().BeApproximately(0.0975, 1e-15);
        mse.Backward()[0, 2].Should().BeApproximately(-0.4, 1e-15);
    }

    [Fact]
    public void Float_layers_run_the_same_computation()
    {
        var rng = new Rng(12);
        var wd = rng.Normal(1.0, 3, 4);
        var bd = rng.Normal(1.0, 3);
        var xd = rng.Normal(1.0, 2, 4);
        var yd = new Affine<double>(wd, bd).Forward(xd);
        var yf = new Affine<float>(wd.Cast<float>(), bd.Cast<float>()).Forward(xd.Cast<float>());

        TensorAssert.Close(yf.Cast<double>(), yd, 1e-5);
    }

    [Fact]
    public void Float_relu_backward_uses_the_vector_path_and_agrees_with_double()
    {
        var x = AwayFromZero(new Rng(13), 7, 37);   // 259 elements: whole vectors plus a tail
        var dOut = new Rng(14).Normal(1.0, 7, 37);
        var rd = new Relu<double>();
        var rf = new Relu<float>();
        rd.Forward(x);
        rf.Forward(x.Cast<float>());

        TensorAssert.Close(rf.Backward(dOut.Cast<float>()).Cast<double>(), rd.Backward(dOut).Cast<float>().Cast<double>(), 0.0);
        rd.Backward(dOut).ToArray().Where((v, i) => x.Span[i] <= 0).Should().OnlyContain(v => v == 0.0);
    }

    /// <summary>Mutant D1-M4: db taken from the first row of dY instead of summed.</summary>
    private sealed class BiasGradientFromOneRow(Affine<double> inner) : ILayer<double>
    {
        public IReadOnlyList<Parameter<double>> Parameters => inner.Parameters;
        public Tensor<double> Forward(Tensor<double> x, bool training = true) => inner.Forward(x, training);
        public Tensor<double> Backward(Tensor<double> dOut)
        {
            var dx = inner.Backward(dOut);
            inner.B.Grad = dOut.Row(0).Clone();
            return dx;
        }
    }

    /// <summary>Identity whose Backward puts NaN at one element.</summary>
    private sealed class NaNAt(int column) : ILayer<double>
    {
        public IReadOnlyList<Parameter<double>> Parameters => [];
        public Tensor<double> Forward(Tensor<double> x, bool training = true) => x.Clone();
        public Tensor<double> Backward(Tensor<double> dOut)
        {
            var dx = dOut.Clone();
            dx[0, column] = double.NaN;
            return dx;
        }
    }
}
