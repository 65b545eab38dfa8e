namespace Course.Day01.Tests;

[Trait("Exercise", "1.6")]
public class LayerTests
{
    [Fact]
    public void Affine_forward_computes_X_times_W_transposed_plus_b()
    {
        var layer = new AffineLayer(Tensor.From(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 }, { 5.0, 6.0 } }), Tensor.From([0.1, 0.2, 0.3]));

        var y = layer.Forward(Tensor.From(new[,] { { 1.0, 1.0 }, { 0.0, 2.0 } }));

        y.Shape.ToArray().Should().Equal([2, 3], "X [2, 2] times Wᵀ [2, 3] gives [N, out] = [2, 3]");
        TensorAssert.Close(y, Tensor.From(new[,] { { 3.1, 7.2, 11.3 }, { 4.1, 8.2, 12.3 } }), 1e-12, "row n of Y is W·x_n + b");
    }

    [Fact]
    public void Affine_backward_matches_central_differences()
    {
        var rng = new Rng(11);
        var layer = new AffineLayer(rng.Normal(1.0, 3, 4), rng.Normal(1.0, 3));

        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 5, 4), rng.Fork("check"));
    }

    [Fact]
    public void Sigmoid_backward_matches_central_differences()
    {
        var rng = new Rng(12);

        GradAssert.LayerGradientsMatch(new SigmoidLayer(), rng.Normal(1.0, 5, 4), rng.Fork("check"));
    }

    [Fact]
    public void Relu_forward_zeroes_negative_inputs_and_backward_passes_gradient_where_input_was_positive()
    {
        var layer = new ReluLayer();
        var y = layer.Forward(Tensor.From([-1.0, 2.0, 0.5]));
        var dx = layer.Backward(Tensor.From([10.0, 20.0, 30.0]));

        y.ToArray().Should().Equal([0.0, 2.0, 0.5], "ReLU(x) = max(0, x)");
        dx.ToArray().Should().Equal([0.0, 20.0, 30.0], "the gradient flows only where x > 0");
    }

    [Fact]
    public void SoftmaxWithLoss_on_the_seed_networks_output_with_label_1_gives_0_5213()
    {
        var loss = new SoftmaxWithLoss();

        double l = loss.Forward(Tensor.From(new[,] { { 0.316827076411, 0.696279089862 } }), [1]);
        var d = loss.Backward();

        l.Should().BeApproximately(0.521312202157, 1e-10, "−ln softmax(y)[1] = −ln 0.593740928446");
        TensorAssert.Close(d, Tensor.From(new[,] { { 0.406259071554, -0.406259071554 } }), 1e-10,
            "dL/dy = (softmax(y) − t) / N with t = [0, 1] and N = 1");
    }

    [Fact]
    public void Relu_backward_matches_central_differences_away_from_zero()
    {
        var rng = new Rng(13);
        var x = rng.Normal(1.0, 5, 4).Map(v => v >= 0 ? v + 1e-3 : v - 1e-3);   // keep ±h away from the kink

        GradAssert.LayerGradientsMatch(new ReluLayer(), x, rng.Fork("check"));
    }
}
