namespace Course.Day01.Tests;

[Trait("Exercise", "1.3")]
public class ThreeLayerNetTests
{
    [Fact]
    public void Forward_pass_reproduces_the_worked_example_from_the_workshop_slides()
    {
        var (_, _, _, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5]));

        // sigmoid(W1·x + b1) → sigmoid(W2·z1 + b2) → W3·z2 + b3 with the slide's weights (lesson §1.3)
        y[0].Should().BeApproximately(0.316827076411, 1e-12, "y = W3·z2 + b3 for the seed network");
        y[1].Should().BeApproximately(0.696279089862, 1e-12, "y = W3·z2 + b3 for the seed network");
    }

    [Fact]
    public void Forward_of_one_input_vector_returns_vectors_of_3_3_2_and_2()
    {
        var (a1, z1, z2, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), Tensor.From([1.0, 0.5]));

        a1.Shape.ToArray().Should().Equal([3], "the first layer has 3 neurons");
        z1.Shape.ToArray().Should().Equal([3], "σ keeps the shape of a1");
        z2.Shape.ToArray().Should().Equal([2], "the second layer has 2 neurons");
        y.Shape.ToArray().Should().Equal([2], "the output layer has 2 neurons");
        a1[0].Should().BeApproximately(0.3, 1e-12, "a1 = W1·x + b1 = [0.3, 0.7, 1.1] (lesson §1.3)");
    }

    [Fact]
    public void Forward_of_a_batch_returns_one_row_per_input()
    {
        var batch = Tensor.From(new[,] { { 1.0, 0.5 }, { 0.0, 0.0 } });

        var (_, _, _, y) = ThreeLayerNet.Forward(SeedNetwork.FromSeed003(), batch);

        y.ShapeString.Should().Be("(2, 2)", "a batch [N, 2] gives outputs [N, 2]");
        y[0, 0].Should().BeApproximately(0.316827076411, 1e-12, "row 0 is the worked example");
    }
}
