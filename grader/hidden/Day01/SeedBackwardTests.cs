// Kills: D1-M5 sigmoid backward using x instead of y · D1-M4 dW transposed · D1-M3 backward not divided by N (batch of 2) —
//        each changes the pinned gradients of the 2-3-2-2 network.
namespace Course.Day01.Tests;

/// <summary>
/// The seed-003 network as layers: Affine(W1, b1) → Sigmoid → Affine(W2, b2) → Sigmoid → Affine(W3, b3) → SoftmaxWithLoss,
/// x = [1.0, 0.5], label 1 (t = [0, 1]). Reference values computed in float64 (CURRICULUM Day 1, exercise 1.6).
/// </summary>
[Trait("Exercise", "1.6")]
public class SeedBackwardTests
{
    private sealed class Chain
    {
        public readonly AffineLayer L1, L2, L3;
        public readonly SigmoidLayer S1 = new(), S2 = new();
        public readonly SoftmaxWithLoss Loss = new();
        public readonly double LossValue;
        public readonly Tensor Dy, Dx;

        public Chain(Tensor x, int[] labels)
        {
            var net = SeedNetwork.FromSeed003();
            L1 = new AffineLayer(net.W1, net.B1);
            L2 = new AffineLayer(net.W2, net.B2);
            L3 = new AffineLayer(net.W3, net.B3);
            var y = L3.Forward(S2.Forward(L2.Forward(S1.Forward(L1.Forward(x)))));
            LossValue = Loss.Forward(y, labels);
            Dy = Loss.Backward();
            Dx = L1.Backward(S1.Backward(L2.Backward(S2.Backward(L3.Backward(Dy)))));
        }
    }

    private static Chain Seed() => new(Tensor.From(new[,] { { 1.0, 0.5 } }), [1]);

    [Fact]
    [Trait("Weight", "3")]
    public void Loss_and_dy_match_the_pinned_values()
    {
        var c = Seed();

        c.LossValue.Should().BeApproximately(0.5213122021570424, 1e-10, "−ln softmax(y)[1] for y = [0.3168…, 0.6963…]");
        TensorAssert.Close(c.Dy, Tensor.From(new[,] { { 0.4062590715541803, -0.4062590715541802 } }), 1e-10, "dy = softmax(y) − t");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Output_layer_gradients_match_the_pinned_values()
    {
        var c = Seed();

        TensorAssert.Close(c.L3.W.Grad, Tensor.From(new[,] { { 0.2544194877797173, 0.3132300898629026 }, { -0.25441948777971723, -0.3132300898629025 } }),
            1e-10, "dW3 = dyᵀ·z2");
        TensorAssert.Close(c.L3.B.Grad, Tensor.From([0.4062590715541803, -0.4062590715541802]), 1e-10, "db3 = dy");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Hidden_layer_gradients_match_the_pinned_values()
    {
        var c = Seed();

        TensorAssert.Close(c.L2.B.Grad, Tensor.From([-0.019017888748082933, -0.014345268000311997]), 1e-10, "db2 = (dy·W3) ⊙ z2(1 − z2)");
        TensorAssert.Close(c.L2.W.Grad, Tensor.From(new[,]
        {
            { -0.010924683876892891, -0.01270752071392357, -0.014268363220332902 },
            { -0.008240531854436978, -0.009585332666283758, -0.01076268228470434 },
        }), 1e-10, "dW2 = db2ᵀ·z1");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void First_layer_and_input_gradients_match_the_pinned_values()
    {
        var c = Seed();

        TensorAssert.Close(c.L1.B.Grad, Tensor.From([-0.0018676360959708996, -0.0024335674449156635, -0.002681736539570149]), 1e-10,
            "db1 = (db2·W2) ⊙ z1(1 − z1)");
        TensorAssert.Close(c.L1.W.Grad, Tensor.From(new[,]
        {
            { -0.0018676360959708996, -0.0009338180479854498 },
            { -0.0024335674449156635, -0.0012167837224578318 },
            { -0.002681736539570149, -0.0013408682697850745 },
        }), 1e-10, "dW1 = db1ᵀ·x");
        TensorAssert.Close(c.Dx, Tensor.From(new[,] { { -0.0022577021128568635, -0.002955996120902535 } }), 1e-10, "dx = db1·W1");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_batch_of_the_seed_input_twice_gives_the_same_loss_and_the_same_weight_gradients()
    {
        var one = Seed();
        var two = new Chain(Tensor.From(new[,] { { 1.0, 0.5 }, { 1.0, 0.5 } }), [1, 1]);

        two.LossValue.Should().BeApproximately(one.LossValue, 1e-12, "the loss is a batch mean");
        TensorAssert.Close(two.L1.W.Grad, one.L1.W.Grad, 1e-12, "each row's gradient is divided by N = 2 and the two rows add up: the same dW1");
        TensorAssert.Close(two.L2.B.Grad, one.L2.B.Grad, 1e-12, "db2 sums two half-size rows");
    }
}
