namespace Course.Day06.Tests;

public class RnnCellTests
{
    [Fact]
    [Trait("Exercise", "6.4")]
    public void A_cell_with_D_10_and_H_20_has_620_parameters_and_output_N_by_H()
    {
        var cell = new RnnCell(10, 20, new Rng(2));

        cell.Parameters.Sum(p => p.Value.Length).Should().Be(620, "Wx (20, 10) + Wh (20, 20) + b (20) (lesson §6.4)");
        cell.Forward(Tensor.Zeros(3, 10), Tensor.Zeros(3, 20)).Shape.ToArray().Should().Equal([3, 20]);
    }

    [Fact]
    [Trait("Exercise", "6.4")]
    public void One_step_dX_matches_a_central_difference()
    {
        var rng = new Rng(3);
        var cell = new RnnCell(3, 4, rng);
        var x = rng.Normal(1.0, 2, 3);
        var h = rng.Normal(1.0, 2, 4);
        var r = rng.Normal(1.0, 2, 4);
        cell.Forward(x, h);
        cell.ZeroGrad();
        var (dX, _) = cell.Backward(r);

        GradAssert.FunctionGradientMatches(v => (cell.Forward(v, h) * r).Sum(), x, dX);
    }
}
