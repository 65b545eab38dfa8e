namespace Course.Day07.Tests;

public class GruCellTests
{
    [Fact]
    [Trait("Exercise", "7.3")]
    public void A_cell_with_D_10_and_H_20_has_1920_parameters()
    {
        var cell = new GruCell(10, 20, new Rng(2));

        cell.Parameters.Sum(p => p.Value.Length).Should().Be(1920, "3 × (H·D + H·H + 2H) (lesson §7.3)");
        cell.Forward(Tensor.Zeros(3, 10), Tensor.Zeros(3, 20)).Shape.ToArray().Should().Equal([3, 20]);
    }

    [Fact]
    [Trait("Exercise", "7.3")]
    public void One_step_dX_matches_a_central_difference()
    {
        var rng = new Rng(3);
        var cell = new GruCell(3, 4, rng);
        var x = rng.Normal(1.0, 2, 3);
        var h = rng.Normal(1.0, 2, 4);
        var r = rng.Normal(1.0, 2, 4);
        cell.Forward(x, h);
        cell.ZeroGrad();
        var (dX, _) = cell.Backward(r);

        GradAssert.FunctionGradientMatches(v => (cell.Forward(v, h) * r).Sum(), x, dX, 1e-6);
    }
}
