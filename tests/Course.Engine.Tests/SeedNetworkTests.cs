namespace Course.Engine.Tests;

/// <summary>Seed 003's 2-3-2-2 sigmoid network (003 L285–299) built from engine layers; numbers from CURRICULUM Day 1, 1.3 and 1.6.</summary>
public class SeedNetworkTests
{
    private static (Sequential<double> Net, Affine<double> L1, Affine<double> L2, Affine<double> L3) Build()
    {
        var l1 = new Affine<double>(Tensor<double>.From(new double[,] { { 0.1, 0.2 }, { 0.3, 0.4 }, { 0.5, 0.6 } }), Tensor<double>.From([0.1, 0.2, 0.3]));
        var l2 = new Affine<double>(Tensor<double>.From(new double[,] { { 0.1, 0.2, 0.3 }, { 0.4, 0.5, 0.6 } }), Tensor<double>.From([0.1, 0.2]));
        var l3 = new Affine<double>(Tensor<double>.From(new double[,] { { 0.1, 0.2 }, { 0.3, 0.4 } }), Tensor<double>.From([0.1, 0.2]));
        return (new Sequential<double>(l1, new Sigmoid<double>(), l2, new Sigmoid<double>(), l3), l1, l2, l3);
    }

    private static readonly Tensor<double> X = Tensor<double>.From([1.0, 0.5], 1, 2);

    [Fact]
    public void Forward_reproduces_the_seed_output()
    {
        var y = Build().Net.Forward(X);

        y.ShapeArray.Should().Equal(1, 2);
        y[0, 0].Should().BeApproximately(0.316827076411, 1e-12);
        y[0, 1].Should().BeApproximately(0.696279089862, 1e-12);
    }

    [Fact]
    public void Backward_with_softmax_loss_reproduces_the_pinned_gradients()
    {
        var (net, l1, l2, l3) = Build();
        var loss = new SoftmaxWithLoss<double>();

        double value = loss.Forward(net.Forward(X), [1]);
        var dy = loss.Backward();
        var dx = net.Backward(dy);

        value.Should().BeApproximately(0.521312202157, 1e-12);
        TensorAssert.Close(dy, Tensor<double>.From([0.4062590716, -0.4062590716], 1, 2), 1e-10);
        TensorAssert.Close(l3.W.Grad, Tensor<double>.From(new[,] { { 0.2544194878, 0.3132300899 }, { -0.2544194878, -0.3132300899 } }), 1e-10);
        TensorAssert.Close(l2.B.Grad, Tensor<double>.From([-0.0190178887, -0.0143452680]), 1e-10);
        TensorAssert.Close(l2.W.Grad, Tensor<double>.From(new[,]
        {
            { -0.0109246839, -0.0127075207, -0.0142683632 },
            { -0.0082405319, -0.0095853327, -0.0107626823 },
        }), 1e-10);
        TensorAssert.Close(l1.B.Grad, Tensor<double>.From([-0.0018676361, -0.0024335674, -0.0026817365]), 1e-10);
        TensorAssert.Close(l1.W.Grad, Tensor<double>.From(new[,]
        {
            { -0.0018676361, -0.0009338180 },
            { -0.0024335674, -0.0012167837 },
            { -0.0026817365, -0.0013408683 },
        }), 1e-10);
        TensorAssert.Close(dx, Tensor<double>.From([-0.0022577021, -0.0029559961], 1, 2), 1e-10);
    }

    [Fact]
    public void Softmax_of_the_seed_output_matches_the_lesson()
    {
        var loss = new SoftmaxWithLoss<double>();
        loss.Forward(Build().Net.Forward(X), [1]);

        TensorAssert.Close(loss.Probabilities!, Tensor<double>.From([0.406259071554, 0.593740928446], 1, 2), 1e-12);
    }
}
