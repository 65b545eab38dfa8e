// Kills: D2-M3 weight decay with the wrong sign, applied to biases, or 2λW against a ½λW² penalty.

namespace Course.Day02.Tests;

[Trait("Exercise", "2.1")]
public class PenaltiesTests
{
    private static Parameter RandomWeights(string name, ulong seed, params int[] shape) => new(name, new Rng(seed).Normal(1.0, shape));

    [Fact]
    [Trait("Weight", "3")]
    public void L2_gradient_term_matches_central_differences_of_the_penalty()
    {
        const double lambda = 0.3;
        var w = RandomWeights("W", 11, 4, 3);
        w.Grad = Tensor.Zeros(4, 3);
        Penalties.AddL2Gradient([w], lambda);
        var analytic = w.Grad.Clone();
        GradAssert.FunctionGradientMatches(v => Penalties.L2([new Parameter("W", v)], lambda), w.Value.Clone(), analytic, 1e-7);
        TensorAssert.Close(analytic, w.Value * lambda, 1e-14, "the derivative of ½λW² is λW (not 2λW, not −λW)");
    }

    [Fact]
    public void L1_gradient_term_matches_central_differences_away_from_zero()
    {
        const double lambda = 0.2;
        var w = RandomWeights("W", 12, 3, 3).Value.Map(v => v + Math.Sign(v) * 0.01);   // |w| ≥ 0.01 ≫ h
        var p = new Parameter("W", w);
        p.Grad = Tensor.Zeros(3, 3);
        Penalties.AddL1Gradient([p], lambda);
        GradAssert.FunctionGradientMatches(v => Penalties.L1([new Parameter("W", v)], lambda), w.Clone(), p.Grad.Clone(), 1e-7);
    }

    [Fact]
    public void Penalties_sum_over_several_parameters_and_keep_values_unchanged()
    {
        var a = new Parameter("W1", Tensor.From([1.0, 2.0], 2));
        var b = new Parameter("W2", Tensor.From([-3.0], 1));
        Penalties.L2([a, b], 0.5).Should().BeApproximately(0.25 * 14.0, 1e-12, because: "½·0.5·(1 + 4 + 9)");
        Penalties.L1([a, b], 0.5).Should().BeApproximately(3.0, 1e-12, because: "0.5·(1 + 2 + 3)");
        Penalties.AddL2Gradient([a, b], 0.5);
        a.Value.ToArray().Should().Equal([1.0, 2.0], "adding a gradient term never changes the weights themselves");
        a.Grad.ToArray().Should().Equal([0.5, 1.0], "Grad += λW");
        b.Grad.ToArray().Should().Equal([-1.5], "Grad += λW");
    }

    [Fact]
    public void WeightsOnly_excludes_biases_and_batchnorm_scale_and_shift()
    {
        Parameter[] ps =
        [
            new("W1", Tensor.Zeros(2, 2)), new("b1", Tensor.Zeros(2)), new("gamma", Tensor.Zeros(2)),
            new("beta", Tensor.Zeros(2)), new("W2", Tensor.Zeros(2, 2)), new("b2", Tensor.Zeros(2)), new("W", Tensor.Zeros(1, 1)),
        ];
        Penalties.WeightsOnly(ps).Select(p => p.Name).Should().Equal(["W1", "W2", "W"],
            "only names starting with \"W\" are weights; b, γ (gamma) and β (beta) are not decayed");
    }

    [Fact]
    public void AddL1Gradient_adds_nothing_where_the_weight_is_exactly_zero()
    {
        var p = new Parameter("W", Tensor.From([0.0, -0.0, 2.0, -5.0], 4));
        p.Grad = Tensor.Full(0.25, 4);
        Penalties.AddL1Gradient([p], 0.1);
        p.Grad.ToArray().Should().Equal([0.25, 0.25, 0.35, 0.15], (x, e) => Math.Abs(x - e) < 1e-15, "sign(0) = 0: a weight at exactly 0 gets no push");
    }

    [Fact]
    public void Penalties_of_an_empty_list_are_zero()
    {
        Penalties.L2([], 1.0).Should().Be(0.0);
        Penalties.L1([], 1.0).Should().Be(0.0);
        Penalties.WeightsOnly([]).Should().BeEmpty();
    }

    [Fact]
    [Trait("Weight", "3")]
    public void One_SGD_step_with_L2_equals_the_weight_decay_closed_form()
    {
        const double eta = 0.1, lambda = 0.01;
        var w0 = new Rng(21).Normal(1.0, 5, 4);
        var dataGrad = new Rng(22).Normal(1.0, 5, 4);
        var p = new Parameter("W", w0.Clone()) { Grad = dataGrad.Clone() };
        Penalties.AddL2Gradient([p], lambda);
        p.Value.AddInPlace(p.Grad, -eta);                            // plain SGD: W ← W − η·Grad
        var closedForm = w0 * (1.0 - eta * lambda) - dataGrad * eta; // W ← (1 − ηλ)W − η∇L
        TensorAssert.Close(p.Value, closedForm, 1e-15, "weight decay shrinks W by (1 − ηλ) each step (lesson §2.3)");
    }
}
