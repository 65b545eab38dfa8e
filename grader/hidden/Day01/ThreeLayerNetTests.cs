// Kills: (no listed mutant for 1.3) — x·W instead of W·x, a missing bias, sigmoid on the output layer,
//        shared (static) seed tensors, batch rows mixed together.
namespace Course.Day01.Tests;

[Trait("Exercise", "1.3")]
public class ThreeLayerNetTests
{
    private static readonly Tensor X = Tensor.From([1.0, 0.5]);

    [Fact]
    [Trait("Weight", "3")]
    public void Every_intermediate_of_the_worked_example_matches_to_1e_12()
    {
        var (a1, z1, z2, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), X);

        TensorAssert.Close(a1, Tensor.From([0.3, 0.7, 1.1]), 1e-12, "a1 = W1·x + b1 = [0.2, 0.5, 0.8] + [0.1, 0.2, 0.3] (lesson §1.3)");
        TensorAssert.Close(z1, Tensor.From([0.574442516812, 0.668187772168, 0.750260105595]), 1e-12, "z1 = σ(a1) (slides: 0.574, 0.668, 0.750)");
        TensorAssert.Close(z2, Tensor.From([0.626249370399, 0.771010696856]), 1e-12, "z2 = σ(W2·z1 + b2) with a2 = [0.516159837793, 1.214026956166]");
        TensorAssert.Close(y, Tensor.From([0.316827076411, 0.696279089862]), 1e-12, "y = W3·z2 + b3, identity output (no sigmoid)");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_batch_of_three_copies_of_x_gives_three_identical_rows()
    {
        var batch = Tensor.From(new[,] { { 1.0, 0.5 }, { 1.0, 0.5 }, { 1.0, 0.5 } });

        var (a1, z1, z2, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), batch);

        a1.ShapeString.Should().Be("(3, 3)", "a batch [N, 2] gives a1 [N, 3]");
        z1.ShapeString.Should().Be("(3, 3)", "z1 has a1's shape");
        z2.ShapeString.Should().Be("(3, 2)", "z2 is [N, 2]");
        y.ShapeString.Should().Be("(3, 2)", "y is [N, 2]");
        for (int n = 0; n < 3; n++)
        {
            y[n, 0].Should().BeApproximately(0.316827076411, 1e-12, $"row {n} is the same input");
            y[n, 1].Should().BeApproximately(0.696279089862, 1e-12, $"row {n} is the same input");
        }
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Each_row_of_a_batch_is_computed_independently()
    {
        var net = SeedNetwork.FromSeed003();
        var batch = Tensor.From(new[,] { { 1.0, 0.5 }, { -2.0, 3.0 } });

        var (_, _, _, y) = ThreeLayerNet.Forward(net, batch);
        var (_, _, _, second) = ThreeLayerNet.Forward(net, Tensor.From([-2.0, 3.0]));

        y[1, 0].Should().BeApproximately(second[0], 1e-14, "row 1 of the batch equals the forward pass of that row alone");
        y[1, 1].Should().BeApproximately(second[1], 1e-14, "row 1 of the batch equals the forward pass of that row alone");
        y[0, 0].Should().BeApproximately(0.316827076411, 1e-12, "row 0 is the worked example");
    }

    [Fact]
    public void FromSeed003_returns_fresh_tensors_on_every_call()
    {
        var first = SeedNetwork.FromSeed003();
        first.W1[0, 0] = 99;
        first.B3[1] = 99;

        var second = SeedNetwork.FromSeed003();

        second.W1[0, 0].Should().Be(0.1, "changing one network's W1 must not change the next one's");
        second.B3[1].Should().Be(0.2, "changing one network's b3 must not change the next one's");
        second.W1.ShapeString.Should().Be("(3, 2)", "W1 is [3, 2] in the slides' W·x layout");
        second.W2.ShapeString.Should().Be("(2, 3)", "W2 is [2, 3]");
        second.W3.ShapeString.Should().Be("(2, 2)", "W3 is [2, 2]");
    }

    [Fact]
    public void An_input_of_three_features_is_rejected()
    {
        var call = () => ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5, 0.2]));

        call.Should().Throw<ArgumentException>("the network has 2 inputs; x of shape (3) cannot be multiplied by W1 [3, 2]");
    }
}
