using Course.Engine.Layers;

namespace Course.Engine.Tests;

/// <summary>The training-loop backward that skips the unused input gradient must set exactly the same parameter gradients.</summary>
public class ParameterBackwardTests
{
    private static Sequential<double> Mlp(Rng rng) =>
        new(new Affine<double>(12, 9, rng.Fork("a1")), new Relu<double>(), new Affine<double>(9, 4, rng.Fork("a2")));

    private static Sequential<double> ConvNet(Rng rng) =>
        new(new Conv2d<double>(2, 3, 3, rng.Fork("c1"), pad: 1), new Relu<double>(), new MaxPool2d<double>(2, 2),
            new Flatten<double>(), new Affine<double>(3 * 3 * 3, 5, rng.Fork("a")));

    public static TheoryData<string> Networks => ["mlp", "conv"];

    [Theory]
    [MemberData(nameof(Networks))]
    public void BackwardParameters_sets_the_same_gradients_as_Backward_and_leaves_dOut_alone(string network)
    {
        var rng = new Rng(7);
        var (net, x) = network == "mlp"
            ? (Mlp(rng), rng.Normal(1.0, 5, 12))
            : (ConvNet(rng), rng.Normal(1.0, 4, 2, 6, 6));
        var y = net.Forward(x);
        var dOut = rng.Normal(1.0, y.ShapeArray);
        var dOutCopy = dOut.Clone();

        net.Backward(dOut);
        var expected = net.Parameters.Select(p => p.Grad.Clone()).ToList();
        foreach (var p in net.Parameters) p.Grad = Tensor<double>.Full(double.NaN, p.Value.ShapeArray);

        net.BackwardParameters(dOut);

        for (int i = 0; i < expected.Count; i++)
            TensorAssert.Close(net.Parameters[i].Grad, expected[i], 0.0, $"parameter {i} ({net.Parameters[i].Name})");
        TensorAssert.Close(dOut, dOutCopy, 0.0, "BackwardParameters must not mutate dOut");
    }

    /// <summary>Two Forward/Backward pairs of one Affine layer, the second on 2·x; W.Grad and a copy of it after the first.</summary>
    private static (Affine<double> Layer, Tensor<double> FirstGrad, Tensor<double> FirstValues) TwoSteps(Workspace? workspace)
    {
        var rng = new Rng(3);
        var layer = new Affine<double>(6, 4, rng);
        var x = rng.Normal(1.0, 5, 6);
        using var scope = workspace?.Use();
        layer.Forward(x);
        layer.Backward(Tensor<double>.Ones(5, 4));
        var grad = layer.W.Grad;
        var first = grad.Clone();
        layer.Forward(x * 2.0);
        layer.Backward(Tensor<double>.Ones(5, 4));
        return (layer, grad, first);
    }

    [Fact]
    public void A_workspace_writes_new_gradients_into_the_same_tensor()
    {
        var (layer, grad, first) = TwoSteps(new Workspace());

        layer.W.Grad.Should().BeSameAs(grad, "inside a workspace the gradient tensor is reused");
        TensorAssert.Close(layer.W.Grad, first * 2.0, 1e-12, "dW = dYᵀ·X doubles when X doubles (overwritten, not accumulated)");
    }

    [Fact]
    public void Without_a_workspace_every_Backward_assigns_a_new_gradient()
    {
        var (layer, grad, first) = TwoSteps(workspace: null);

        layer.W.Grad.Should().NotBeSameAs(grad, "a gradient handed out earlier is never rewritten");
        TensorAssert.Close(grad, first, 0.0, "the earlier gradient keeps its values");
        TensorAssert.Close(layer.W.Grad, first * 2.0, 1e-12, "dW = dYᵀ·X doubles when X doubles");
    }
}
