using Course.Engine.Layers;

namespace Course.Engine.Tests;

/// <summary>
/// <see cref="Workspace"/>: a network that writes into last step's tensors must compute exactly what a network that
/// allocates fresh ones computes, step after step, and must really hand back the same tensors.
/// </summary>
public class BufferReuseTests
{
    private static Sequential<float> ConvNet(ulong seed)
    {
        var rng = new Rng(seed);
        return new(new Conv2d<float>(1, 4, 3, rng.Fork("c1"), pad: 1), new Relu<float>(), new MaxPool2d<float>(2, 2),
                   new Conv2d<float>(4, 6, 3, rng.Fork("c2"), pad: 1), new Tanh<float>(), new MaxPool2d<float>(2, 2),
                   new Flatten<float>(), new Affine<float>(6 * 3 * 3, 8, rng.Fork("a1")), new Sigmoid<float>(),
                   new Affine<float>(8, 5, rng.Fork("a2")));
    }

    /// <summary>Three SGD steps on different batches; returns the scores of each step and the final weights.</summary>
    private static (List<float[]> Scores, List<float[]> Weights) Train(bool reuse)
    {
        var net = ConvNet(5);
        var loss = new SoftmaxWithLoss<float>();
        var workspace = reuse ? new Workspace() : null;
        var data = new Rng(6);
        var scores = new List<float[]>();
        for (int step = 0; step < 3; step++)
        {
            using var scope = workspace?.Use();
            var x = data.Normal(1.0, 4, 1, 12, 12).Cast<float>();
            int[] labels = [.. Enumerable.Range(0, 4).Select(_ => data.NextInt(5))];
            var y = net.Forward(x);
            scores.Add(y.ToArray());
            loss.Forward(y, labels);
            net.Backward(loss.Backward());
            new Optimizers.Sgd<float>(0.1).Step(net.Parameters);
        }
        return (scores, net.Parameters.Select(p => p.Value.ToArray()).ToList());
    }

    [Fact]
    public void Training_with_reused_buffers_gives_bit_identical_scores_and_weights()
    {
        var fresh = Train(reuse: false);
        var reused = Train(reuse: true);
        for (int step = 0; step < fresh.Scores.Count; step++)
            reused.Scores[step].Should().Equal(fresh.Scores[step], $"scores of step {step}");
        for (int i = 0; i < fresh.Weights.Count; i++)
            reused.Weights[i].Should().Equal(fresh.Weights[i], $"parameter {i} after 3 steps");
    }

    [Fact]
    public void A_workspace_serves_every_layer_of_the_network_and_only_while_it_is_in_use()
    {
        var net = ConvNet(1);
        var workspace = new Workspace();
        var x = new Rng(7).Normal(1.0, 2, 1, 12, 12).Cast<float>();
        using (workspace.Use())
        {
            net.Forward(x);
            net.Backward(Tensor<float>.Ones(2, 5));
        }
        // An output and a dL/dInput per layer but Flatten (which hands out views), and a gradient per parameter.
        int expected = 2 * (net.Layers.Count - 1) + net.Parameters.Count;
        workspace.Count.Should().Be(expected);

        var y = net.Forward(x);
        net.Forward(x).Should().NotBeSameAs(y, "outside Use() the layers allocate again");
        workspace.Count.Should().Be(expected, "nothing is taken from a workspace that is not in use");
    }

    [Fact]
    public void Reuse_hands_back_the_same_tensors_and_a_new_shape_gets_a_new_one()
    {
        var rng = new Rng(2);
        var net = ConvNet(2);
        using var scope = new Workspace().Use();
        var x = rng.Normal(1.0, 3, 1, 12, 12).Cast<float>();
        var y1 = net.Forward(x);
        var dx1 = net.Backward(Tensor<float>.Ones(3, 5));
        var y2 = net.Forward(x * 2f);
        var dx2 = net.Backward(Tensor<float>.Ones(3, 5));
        y2.Should().BeSameAs(y1, "the last Affine writes into the tensor it returned before");
        dx2.Should().BeSameAs(dx1, "the first Conv2d writes dX into the tensor it returned before");

        var y3 = net.Forward(rng.Normal(1.0, 2, 1, 12, 12).Cast<float>());
        y3.ShapeArray.Should().Equal(2, 5);
        y3.Should().NotBeSameAs(y1);
    }

    [Fact]
    public void Without_reuse_every_call_returns_a_new_tensor()
    {
        var net = ConvNet(3);
        var x = new Rng(4).Normal(1.0, 2, 1, 12, 12).Cast<float>();
        net.Forward(x).Should().NotBeSameAs(net.Forward(x));
    }
}
