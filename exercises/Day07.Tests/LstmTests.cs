namespace Course.Day07.Tests;

public class LstmTests
{
    [Fact]
    [Trait("Exercise", "7.4")]
    public void A_cell_with_D_10_and_H_20_has_2480_parameters_and_the_forget_bias_starts_at_1()
    {
        var cell = new LstmCell(10, 20, new Rng(2));

        cell.Parameters.Sum(p => p.Value.Length).Should().Be(2480, "4H·D + 4H·H + 4H (lesson §7.4)");
        cell.B.Value.ToArray()[20..40].Should().OnlyContain(v => v == 1.0, "the f block (second of i, f, g, o) starts at forgetBias");
    }

    [Fact]
    [Trait("Exercise", "7.4")]
    public void TimeLstm_maps_N_T_D_to_N_T_H_and_passes_a_gradient_check()
    {
        var rng = new Rng(4);
        var lstm = new TimeLstm(3, 4, rng, stateful: false);

        lstm.Forward(rng.Normal(1.0, 2, 5, 3)).Shape.ToArray().Should().Equal([2, 5, 4], "(N, T, D) → (N, T, H) (lesson §7.4)");
        GradAssert.LayerGradientsMatch(lstm, rng.Normal(1.0, 2, 5, 3), rng.Fork("check"), tolerance: 1e-5);
    }
}
