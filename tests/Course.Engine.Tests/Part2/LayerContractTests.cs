using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

/// <summary>CURRICULUM §3.2 for every part-2 layer: early Backward, wrong input rank, dOut untouched, Backward repeatable.</summary>
public class LayerContractTests
{
    public static TheoryData<string> LayerNames => new(Layers.Keys);

    private static readonly Dictionary<string, (Func<ILayer<double>> Create, int[] InputShape, int[] WrongShape)> Layers = new()
    {
        ["Conv2d"] = (() => new Conv2d<double>(2, 3, 3, new Rng(1), 1, 1), [2, 2, 4, 4], [2, 4, 4]),
        ["MaxPool2d"] = (() => new MaxPool2d<double>(2, 2), [2, 2, 4, 4], [2, 4, 4]),
        ["AvgPool2d"] = (() => new AvgPool2d<double>(2, 2), [2, 2, 4, 4], [2, 4]),
        ["GlobalAvgPool"] = (() => new GlobalAvgPool<double>(), [2, 2, 4, 4], [2, 4]),
        ["Flatten"] = (() => new Flatten<double>(), [2, 2, 4, 4], [5]),
        ["BatchNorm"] = (() => new BatchNorm<double>(2), [3, 2, 2, 2], [3, 5]),
        ["LayerNorm"] = (() => new LayerNorm<double>(4), [3, 2, 4], [3, 2, 5]),
        ["ResidualBlock"] = (() => new ResidualBlock<double>(2, 2, 1, new Rng(2)), [2, 2, 4, 4], [2, 3, 4, 4]),
        ["TimeRnn"] = (() => new TimeRnn<double>(3, 2, new Rng(3)), [2, 4, 3], [2, 3]),
        ["TimeLstm"] = (() => new TimeLstm<double>(3, 2, new Rng(4)), [2, 4, 3], [2, 4, 2]),
        ["TimeGru"] = (() => new TimeGru<double>(3, 2, new Rng(5)), [2, 4, 3], [8, 3]),
        ["TimeAffine"] = (() => new TimeAffine<double>(3, 2, new Rng(6)), [2, 4, 3], [2, 3]),
        ["SelfAttention"] = (() => new SelfAttention<double>(3, 2, new Rng(7)), [2, 4, 3], [2, 4, 4]),
        ["ConvTranspose2d"] = (() => new ConvTranspose2d<double>(2, 3, 3, new Rng(8), 2, 1), [2, 2, 3, 3], [2, 3, 3, 3]),
    };

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Backward_before_forward_throws_invalid_operation(string name)
    {
        var layer = Layers[name].Create();
        layer.Invoking(l => l.Backward(Tensor<double>.Zeros(1, 1, 1, 1)))
            .Should().Throw<InvalidOperationException>().WithMessage("*Backward called before Forward*");
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_wrong_input_shape_throws_naming_the_layer_and_the_actual_shape(string name)
    {
        var (create, _, wrong) = Layers[name];
        create().Invoking(l => l.Forward(Tensor<double>.Zeros(wrong)))
            .Should().Throw<ArgumentException>().WithMessage($"*{name}*{Shapes.Format(wrong)}*");
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Backward_leaves_dOut_unchanged_and_repeats_exactly(string name)
    {
        var (create, shape, _) = Layers[name];
        var rng = new Rng(99);
        var layer = create();
        var y = layer.Forward(rng.Normal(1.0, shape));
        var dOut = rng.Normal(1.0, y.ShapeArray);
        var copy = dOut.Clone();
        var dx1 = layer.Backward(dOut);
        var grads1 = layer.Parameters.Select(p => p.Grad.Clone()).ToArray();
        var dx2 = layer.Backward(dOut);
        TensorAssert.Close(dOut, copy, 0, "Backward must not modify dOut");
        TensorAssert.Close(dx2, dx1, 0, "a second Backward after one Forward gives the same dX");
        for (int i = 0; i < grads1.Length; i++) TensorAssert.Close(layer.Parameters[i].Grad, grads1[i], 0, "gradients are overwritten, not accumulated");
    }
}
