// Kills: D1-M4 Affine dW transposed or db taken from one row instead of summed ·
//        D1-M6 Backward accumulating into Grad instead of overwriting it.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day01.Tests;

[Trait("Exercise", "1.6")]
public class AffineLayerTests
{
    [Fact]
    [Trait("Weight", "3")]
    public void Gradients_match_central_differences_on_a_random_batch_of_5_by_4()
    {
        var rng = new Rng(61);
        var layer = new AffineLayer(rng.Normal(1.0, 3, 4), rng.Normal(1.0, 3));

        GradAssert.LayerGradientsMatch(layer, rng.Normal(1.0, 5, 4), rng.Fork("check"), tolerance: 1e-7);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Output_and_every_gradient_equal_the_engines_Affine_layer()
    {
        var rng = new Rng(62);
        var reference = new EngineLayers.Affine<double>(rng.Normal(1.0, 6, 5), rng.Normal(1.0, 6));
        var learner = new AffineLayer(Tensor.Zeros(6, 5), Tensor.Zeros(6));

        DifferentialCheck.Layers(learner, reference, rng.Normal(1.0, 7, 5), rng.Fork("dOut"));
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Bias_gradient_is_the_column_sum_of_dY_over_a_batch_of_7()
    {
        var rng = new Rng(63);
        var layer = new AffineLayer(rng.Normal(1.0, 3, 4), Tensor.Zeros(3));
        layer.Forward(rng.Normal(1.0, 7, 4));
        var dY = rng.Normal(1.0, 7, 3);

        layer.Backward(dY);

        layer.B.Grad.ShapeString.Should().Be("(3)", "db has b's shape [out]");
        TensorAssert.Close(layer.B.Grad, dY.Sum(axis: 0), 1e-12, "every row of the batch used the same b, so db = Σ_n dY[n, :]");
    }

    [Fact]
    public void Weight_gradient_is_dY_transposed_times_X_with_the_shape_of_W()
    {
        var rng = new Rng(64);
        var layer = new AffineLayer(rng.Normal(1.0, 3, 4), Tensor.Zeros(3));
        var x = rng.Normal(1.0, 5, 4);
        layer.Forward(x);
        var dY = rng.Normal(1.0, 5, 3);

        layer.Backward(dY);

        layer.W.Grad.ShapeString.Should().Be("(3, 4)", "dW has W's shape [out, in], not [in, out]");
        TensorAssert.Close(layer.W.Grad, Ops.MatMul(dY.Transpose(), x), 1e-12, "dW = dYᵀ·X");
    }

    [Fact]
    public void A_four_dimensional_input_gets_dX_back_in_its_own_shape()
    {
        var rng = new Rng(65);
        var layer = new AffineLayer(rng.Normal(1.0, 5, 12), rng.Normal(1.0, 5));
        var x = rng.Normal(1.0, 2, 3, 2, 2);

        var y = layer.Forward(x);
        var dY = rng.Normal(1.0, 2, 5);
        var dx = layer.Backward(dY);

        y.ShapeString.Should().Be("(2, 5)", "an input [N, C, H, W] is flattened to [N, C·H·W] = [2, 12]");
        dx.ShapeString.Should().Be("(2, 3, 2, 2)", "dX comes back in the shape x had");
        TensorAssert.Close(dx.Reshape(2, 12), Ops.MatMul(dY, layer.W.Value), 1e-12, "dX = dY·W, reshaped");
        TensorAssert.Close(layer.W.Grad, Ops.MatMul(dY.Transpose(), x.Reshape(2, 12)), 1e-12, "dW uses the flattened input");
    }

    [Fact]
    public void Calling_backward_twice_after_one_forward_gives_the_same_gradients_not_doubled_ones()
    {
        var rng = new Rng(66);
        var layer = new AffineLayer(rng.Normal(1.0, 3, 4), rng.Normal(1.0, 3));
        layer.Forward(rng.Normal(1.0, 5, 4));
        var dY = rng.Normal(1.0, 5, 3);

        var dx1 = layer.Backward(dY);
        var dW1 = layer.W.Grad.Clone();
        var db1 = layer.B.Grad.Clone();
        var dx2 = layer.Backward(dY);

        TensorAssert.Close(layer.W.Grad, dW1, 0, "Backward overwrites W.Grad (ゼロから style), it does not accumulate");
        TensorAssert.Close(layer.B.Grad, db1, 0, "Backward overwrites B.Grad");
        TensorAssert.Close(dx2, dx1, 0, "the same Forward cache gives the same dX");
    }

    [Fact]
    public void Parameters_are_W_and_b_named_with_the_suffix_and_wrap_the_given_tensors()
    {
        var w = Tensor.Zeros(2, 3);
        var b = Tensor.Zeros(2);

        var plain = new AffineLayer(w, b);
        var numbered = new AffineLayer(Tensor.Zeros(2, 3), Tensor.Zeros(2), suffix: "2");

        plain.Parameters.Select(p => p.Name).Should().Equal(["W", "b"], "the engine's names, so state and reports line up");
        numbered.Parameters.Select(p => p.Name).Should().Equal(["W2", "b2"], "the suffix numbers the layer inside a net");
        plain.Parameters[0].Value.Should().BeSameAs(w, "the layer wraps the tensor it was given, so an optimiser updates it");
        plain.W.Should().BeSameAs(plain.Parameters[0], "W is the first parameter");
    }

    [Fact]
    public void An_input_with_the_wrong_number_of_features_is_rejected_with_the_layer_and_shapes_named()
    {
        var layer = new AffineLayer(Tensor.Zeros(2, 4), Tensor.Zeros(2));

        var call = () => layer.Forward(Tensor.Zeros(5, 3));

        call.Should().Throw<ArgumentException>("W expects 4 input features")
            .Which.Message.Should().Contain("AffineLayer", "the message names the layer").And.Contain("(5, 3)", "and the shape it got");
    }
}
