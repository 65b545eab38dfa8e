using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class ResidualBlockTests
{
    [Fact]
    public void With_a_silenced_branch_the_identity_block_is_relu_of_x_and_passes_dOut_through_the_shortcut()
    {
        var rng = new Rng(50);
        var block = new ResidualBlock<double>(3, 3, 1, rng);
        block.HasProjection.Should().BeFalse();
        block.Bn2.Gamma.Value.Clear();      // BN2 output = β = 0
        var x = NumericGradient.AwayFromZero(rng, 1e-3, 2, 3, 4, 4);

        var y = block.Forward(x);
        TensorAssert.Close(y, Ops.Maximum(x, 0.0), 0);
        var dOut = rng.Normal(1.0, 2, 3, 4, 4);
        TensorAssert.Close(block.Backward(dOut), dOut * Ops.Greater(x, 0.0), 1e-15);
    }

    [Fact]
    public void A_projection_is_used_exactly_when_shapes_change_and_the_64_to_128_block_has_230144_parameters()
    {
        var rng = new Rng(51);
        new ResidualBlock<double>(4, 4, 2, rng).HasProjection.Should().BeTrue();
        new ResidualBlock<double>(4, 8, 1, rng).HasProjection.Should().BeTrue();
        var big = new ResidualBlock<float>(64, 128, 2, rng);
        big.Parameters.Sum(p => p.Value.Length).Should().Be(230_144);
        big.Forward(Tensor<float>.Zeros(1, 64, 8, 8)).ShapeArray.Should().Equal(1, 128, 4, 4);
    }

    [Fact]
    public void Gradients_match_in_training_mode_for_identity_and_projection_blocks()
    {
        var rng = new Rng(52);
        GradAssert.LayerGradientsMatch(new ResidualBlock<double>(2, 2, 1, rng.Fork("a")), rng.Normal(1.0, 3, 2, 4, 4), rng.Fork("ca"), tolerance: 1e-5);
        GradAssert.LayerGradientsMatch(new ResidualBlock<double>(2, 3, 2, rng.Fork("b")), rng.Normal(1.0, 3, 2, 5, 5), rng.Fork("cb"), tolerance: 1e-5);
    }
}
