// Kills: D6-M2 dWh with hₜ instead of hₜ₋₁; a missing (1 − h²) factor; dHPrev through Whᵀ instead of Wh; gradients
// overwritten instead of accumulated; ZeroGrad not clearing; a wrong initial distribution or draw order; b missing
// from the count; inputs or the cached hₜ changed in place.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day06.Tests;

[Trait("Exercise", "6.4")]
public class RnnCellTests
{
    /// <summary>Checks dx, dhPrev and every parameter gradient of one step against central differences of Σ h ⊙ R.</summary>
    internal static void CheckStep(RnnCell cell, Tensor x, Tensor hPrev, Rng rng, double tolerance)
    {
        var r = rng.Normal(1.0, x.Dim(0), cell.HiddenDim);
        double Loss(Tensor xx, Tensor hh) => (cell.Forward(xx, hh) * r).Sum();
        cell.Forward(x, hPrev);
        cell.ZeroGrad();
        var (dx, dh) = cell.Backward(r.Clone());
        var grads = cell.Parameters.Select(p => p.Grad.Clone()).ToArray();
        GradAssert.FunctionGradientMatches(v => Loss(v, hPrev), x, dx, tolerance);
        GradAssert.FunctionGradientMatches(v => Loss(x, v), hPrev, dh, tolerance);
        for (int i = 0; i < grads.Length; i++)
        {
            var p = cell.Parameters[i];
            var saved = p.Value.Clone();
            GradAssert.FunctionGradientMatches(v =>
            {
                p.Value.CopyFrom(v);
                double l = Loss(x, hPrev);
                p.Value.CopyFrom(saved);
                return l;
            }, saved, grads[i], tolerance);
        }
    }

    [Fact]
    [Trait("Weight", "8")]
    public void One_step_gradients_match_central_differences_within_1e_7()
    {
        var rng = new Rng(1);
        var cell = new RnnCell(3, 4, rng);
        cell.B.Value.CopyFrom(rng.Normal(0.5, 4));

        CheckStep(cell, rng.Normal(1.0, 2, 3), rng.Normal(0.8, 2, 4), rng.Fork("check"), 1e-7);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void With_a_zero_previous_state_dWh_is_exactly_zero()
    {
        var rng = new Rng(2);
        var cell = new RnnCell(3, 4, rng);
        cell.Forward(rng.Normal(1.0, 2, 3), Tensor.Zeros(2, 4));

        cell.Backward(rng.Normal(1.0, 2, 4));

        cell.Wh.Grad.ToArray().Should().OnlyContain(v => v == 0, "dWh = daᵀ·hₜ₋₁ uses the PREVIOUS state, which is 0 here");
        cell.Wx.Grad.ToArray().Should().Contain(v => v != 0);
    }

    [Fact]
    [Trait("Weight", "5")]
    public void dHPrev_is_dH_times_one_minus_h_squared_times_Wh_and_Forward_is_the_tanh_recurrence()
    {
        var rng = new Rng(3);
        var cell = new RnnCell(2, 3, rng);
        cell.B.Value.CopyFrom(rng.Normal(0.5, 3));
        var x = rng.Normal(1.0, 4, 2);
        var hPrev = rng.Normal(1.0, 4, 3);
        var dH = rng.Normal(1.0, 4, 3);

        var h = cell.Forward(x, hPrev);
        var (dX, dHPrev) = cell.Backward(dH);

        var a = Ops.MatMul(x, cell.Wx.Value, transB: true) + Ops.MatMul(hPrev, cell.Wh.Value, transB: true);
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) a[i, j] += cell.B.Value[j];
        TensorAssert.Close(h, Ops.Tanh(a), 1e-14, "hₜ = tanh(x·Wxᵀ + hₜ₋₁·Whᵀ + b)");
        var da = dH * (1.0 - h * h);
        TensorAssert.Close(dHPrev, Ops.MatMul(da, cell.Wh.Value), 1e-14, "dhₜ₋₁ = (dh ⊙ (1 − h²))·Wh");
        TensorAssert.Close(dX, Ops.MatMul(da, cell.Wx.Value), 1e-14, "dx = (dh ⊙ (1 − h²))·Wx");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Weights_are_Xavier_drawn_Wx_then_Wh_from_the_given_rng_like_the_engine_and_b_is_zero()
    {
        var cell = new RnnCell(10, 20, new Rng(4));
        var reference = new EngineLayers.RnnCell<double>(10, 20, new Rng(4));

        cell.Parameters.Select(p => p.Name).Should().Equal(["Wx", "Wh", "b"]);
        TensorAssert.Close(cell.Wx.Value, reference.Wx.Value, 0, "Wx = rng.Normal(√(1/D), H, D), drawn first");
        TensorAssert.Close(cell.Wh.Value, reference.Wh.Value, 0, "Wh = rng.Normal(√(1/H), H, H), drawn second");
        cell.B.Value.ToArray().Should().OnlyContain(v => v == 0);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_cell_with_D_10_and_H_20_has_620_parameters()
    {
        var cell = new RnnCell(10, 20, new Rng(5));

        cell.Parameters.Sum(p => p.Value.Length).Should().Be(620, "Wx 200 + Wh 400 + b 20");
        cell.Wx.Value.Shape.ToArray().Should().Equal([20, 10]);
        cell.Wh.Value.Shape.ToArray().Should().Equal([20, 20]);
        cell.B.Value.Shape.ToArray().Should().Equal([20]);
    }

    [Fact]
    [Trait("Weight", "4")]
    public void Backward_accumulates_into_the_gradients_and_ZeroGrad_starts_a_new_sum()
    {
        var rng = new Rng(6);
        var cell = new RnnCell(3, 2, rng);
        cell.Forward(rng.Normal(1.0, 2, 3), rng.Normal(1.0, 2, 2));
        var dH = rng.Normal(1.0, 2, 2);
        var dHBefore = dH.ToArray();
        cell.ZeroGrad();

        var first = cell.Backward(dH);
        var once = cell.Parameters.Select(p => p.Grad.Clone()).ToArray();
        var second = cell.Backward(dH);

        dH.ToArray().Should().Equal(dHBefore, "Backward must not change dH");
        TensorAssert.Close(second.DX, first.DX, 0, "the same dX on a second Backward");
        TensorAssert.Close(second.DHPrev, first.DHPrev, 0, "the same dHPrev on a second Backward");
        for (int i = 0; i < once.Length; i++)
            TensorAssert.Close(cell.Parameters[i].Grad, once[i] * 2.0, 1e-14, $"{cell.Parameters[i].Name}: a time loop sums the steps, so Backward ADDS");
        cell.ZeroGrad();
        cell.Parameters.Should().OnlyContain(p => p.Grad.ToArray().All(v => v == 0) && p.Grad.SameShape(p.Value));
    }

    [Fact]
    public void Forward_and_Backward_leave_x_hPrev_and_dH_unchanged()
    {
        var rng = new Rng(7);
        var cell = new RnnCell(2, 3, rng);
        var x = rng.Normal(1.0, 2, 2);
        var hPrev = rng.Normal(1.0, 2, 3);
        var dH = rng.Normal(1.0, 2, 3);
        var (x0, h0, d0) = (x.ToArray(), hPrev.ToArray(), dH.ToArray());

        var h = cell.Forward(x, hPrev);
        var hCopy = h.ToArray();
        cell.Backward(dH);

        x.ToArray().Should().Equal(x0, "Forward must not change its input x");
        hPrev.ToArray().Should().Equal(h0, "Forward must not change hPrev");
        dH.ToArray().Should().Equal(d0, "Backward must not change dH");
        h.ToArray().Should().Equal(hCopy, "Backward must not overwrite the returned hₜ (its cache) in place");
    }

    [Fact]
    public void Wrong_shapes_throw_an_ArgumentException()
    {
        var cell = new RnnCell(3, 4, new Rng(8));
        var badX = () => cell.Forward(Tensor.Zeros(2, 5), Tensor.Zeros(2, 4));
        var badH = () => cell.Forward(Tensor.Zeros(2, 3), Tensor.Zeros(3, 4));
        badX.Should().Throw<ArgumentException>().Which.Message.Should().Contain("RnnCell");
        badH.Should().Throw<ArgumentException>();
    }
}
