// Kills: D7-M6 h' = z ⊙ n + (1 − z) ⊙ h; r applied before adding bh (or to h instead of Wh_n h + bh_n); gate blocks in
// another order than r, z, n; tanh/sigmoid swapped; gradients overwritten instead of added; inputs or cache mutated;
// a wrong initial distribution or draw order.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day07.Tests;

[Trait("Exercise", "7.3")]
public class GruCellTests
{
    private static GruCell Randomised(Rng rng, int d, int h)
    {
        var cell = new GruCell(d, h, rng);
        cell.Bx.Value.CopyFrom(rng.Normal(0.5, 3 * h));
        cell.Bh.Value.CopyFrom(rng.Normal(0.5, 3 * h));
        return cell;
    }

    [Fact]
    [Trait("Weight", "6")]
    public void One_step_gradients_of_x_h_and_every_parameter_match_central_differences_within_1e_6()
    {
        var rng = new Rng(1);
        var cell = Randomised(rng, 3, 4);
        var x = rng.Normal(1.0, 2, 3);
        var hPrev = rng.Normal(0.8, 2, 4);
        var r = rng.Normal(1.0, 2, 4);
        double Loss(Tensor xx, Tensor hh) => (cell.Forward(xx, hh) * r).Sum();
        cell.Forward(x, hPrev);
        cell.ZeroGrad();
        var (dx, dh) = cell.Backward(r.Clone());
        var grads = cell.Parameters.Select(p => p.Grad.Clone()).ToArray();

        GradAssert.FunctionGradientMatches(v => Loss(v, hPrev), x, dx, 1e-6);
        GradAssert.FunctionGradientMatches(v => Loss(x, v), hPrev, dh, 1e-6);
        for (int i = 0; i < grads.Length; i++)
        {
            var p = cell.Parameters[i];
            var saved = p.Value.Clone();
            GradAssert.FunctionGradientMatches(v => { p.Value.CopyFrom(v); double l = Loss(x, hPrev); p.Value.CopyFrom(saved); return l; }, saved, grads[i], 1e-6);
        }
    }

    [Fact]
    [Trait("Weight", "5")]
    public void Forward_and_Backward_equal_the_engine_GRU_on_the_same_weights()
    {
        var rng = new Rng(2);
        var cell = Randomised(rng, 4, 5);
        var reference = new EngineLayers.GruCell<double>(cell.Wx.Value.Clone(), cell.Wh.Value.Clone(), cell.Bx.Value.Clone(), cell.Bh.Value.Clone());
        var x = rng.Normal(1.0, 3, 4);
        var h = rng.Normal(1.0, 3, 5);
        var dH = rng.Normal(1.0, 3, 5);

        TensorAssert.Close(cell.Forward(x, h), reference.Forward(x, h), 1e-12, "r multiplies Wh_n·h + bh_n (PyTorch), h' = (1 − z)⊙n + z⊙h");
        cell.ZeroGrad(); reference.ZeroGrad();
        var (dx, dhp) = cell.Backward(dH);
        var (rdx, rdhp) = reference.Backward(dH);
        TensorAssert.Close(dx, rdx, 1e-12, "dx");
        TensorAssert.Close(dhp, rdhp, 1e-12, "dhPrev");
        for (int i = 0; i < 4; i++) TensorAssert.Close(cell.Parameters[i].Grad, reference.Parameters[i].Grad, 1e-12, cell.Parameters[i].Name);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void An_update_gate_saturated_at_1_copies_the_previous_state_exactly()
    {
        var rng = new Rng(3);
        var cell = new GruCell(3, 4, rng);
        for (int j = 4; j < 8; j++) cell.Bx.Value[j] = 50;   // σ(50) is exactly 1.0 in float64
        var h = rng.Normal(1.0, 2, 4);

        var next = cell.Forward(rng.Normal(1.0, 2, 3), h);

        TensorAssert.Close(next, h, 0, "z → 1 keeps h: h' = (1 − z)⊙n + z⊙h");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Backward_accumulates_repeats_identically_and_leaves_inputs_unchanged()
    {
        var rng = new Rng(4);
        var cell = Randomised(rng, 3, 2);
        var x = rng.Normal(1.0, 2, 3);
        var h = rng.Normal(1.0, 2, 2);
        var (xs, hs) = (x.ToArray(), h.ToArray());
        cell.Forward(x, h);
        var dH = rng.Normal(1.0, 2, 2);
        var dHBefore = dH.ToArray();
        cell.ZeroGrad();

        var first = cell.Backward(dH);
        var once = cell.Parameters.Select(p => p.Grad.Clone()).ToArray();
        var second = cell.Backward(dH);

        TensorAssert.Close(second.DX, first.DX, 0, "Backward twice after one Forward gives the same dx");
        TensorAssert.Close(second.DHPrev, first.DHPrev, 0, "… and the same dhPrev");
        for (int i = 0; i < once.Length; i++) TensorAssert.Close(cell.Parameters[i].Grad, once[i] * 2.0, 1e-14, "a second Backward ADDS its share");
        dH.ToArray().Should().Equal(dHBefore, "dH is not changed in place");
        x.ToArray().Should().Equal(xs); h.ToArray().Should().Equal(hs);
        cell.ZeroGrad();
        cell.Parameters.Should().OnlyContain(p => p.Grad.ToArray().All(v => v == 0), "ZeroGrad starts a new sum");
    }

    [Fact]
    [Trait("Weight", "1")]
    public void Weights_are_drawn_like_the_engine_the_count_is_1920_and_a_wrong_shape_throws()
    {
        var cell = new GruCell(10, 20, new Rng(5));
        var reference = new EngineLayers.GruCell<double>(10, 20, new Rng(5));

        cell.Parameters.Select(p => p.Name).Should().Equal(["Wx", "Wh", "bx", "bh"]);
        cell.Parameters.Sum(p => p.Value.Length).Should().Be(1920);
        TensorAssert.Close(cell.Wx.Value, reference.Wx.Value, 0, "Wx ~ N(0, 1/D) drawn first");
        TensorAssert.Close(cell.Wh.Value, reference.Wh.Value, 0, "Wh ~ N(0, 1/H) drawn second");
        FluentActions.Invoking(() => cell.Forward(Tensor.Zeros(2, 9), Tensor.Zeros(2, 20))).Should().Throw<ArgumentException>().WithMessage("*GruCell*");
    }
}
