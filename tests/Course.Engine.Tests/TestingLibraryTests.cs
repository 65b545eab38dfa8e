namespace Course.Engine.Tests;

/// <summary>The shared assertions of Course.Engine.Testing fail when they should, with messages that locate the problem.</summary>
public class TestingLibraryTests
{
    [Fact]
    public void Differential_check_copies_the_reference_weights_before_comparing()
    {
        var rng = new Rng(1);
        var learner = new Affine<double>(5, 3, rng.Fork("a"));
        var reference = new Affine<double>(5, 3, rng.Fork("b"));

        DifferentialCheck.Layers(learner, reference, rng.Normal(1.0, 4, 5), rng.Fork("check"));

        learner.W.Value.ToArray().Should().Equal(reference.W.Value.ToArray());
    }

    [Fact]
    public void Differential_check_names_the_gradient_that_differs()
    {
        var rng = new Rng(2);
        var learner = new GradientTimesTwo(new Affine<double>(5, 3, rng.Fork("a")));

        var act = () => DifferentialCheck.Layers(learner, new Affine<double>(5, 3, rng.Fork("b")), rng.Normal(1.0, 4, 5), rng.Fork("check"));

        act.Should().Throw<EngineAssertionException>().WithMessage("Expected GradientTimesTwo parameter 'W' Grad (3, 5) to match within 1E-10 + 1E-09·|expected|*at [*] it is * instead of *");
    }

    [Fact]
    public void Differential_check_rejects_mismatched_parameter_shapes()
    {
        var rng = new Rng(3);

        var act = () => DifferentialCheck.Layers(new Affine<double>(5, 4, rng), new Affine<double>(5, 3, rng), rng.Normal(1.0, 2, 5), rng);

        act.Should().Throw<EngineAssertionException>().WithMessage("Affine: parameter 0 ('W') has shape (4, 5); the reference's 'W' has (3, 5).");
    }

    [Fact]
    public void Tensor_assert_reports_shape_and_worst_element_and_never_passes_nan()
    {
        var expected = Tensor<double>.From([1.0, 2.0, 3.0]);

        FluentActions.Invoking(() => TensorAssert.Close(Tensor<double>.From([1.0, 2.5, 3.1]), expected, 0.2, "the test says so"))
            .Should().Throw<EngineAssertionException>().WithMessage("Expected tensor (3) to match within 0.2 because the test says so, but at [1] it is 2.5 instead of 2*");
        FluentActions.Invoking(() => TensorAssert.Close(Tensor<double>.From([1.0, double.NaN, 3.0]), expected, 1.0))
            .Should().Throw<EngineAssertionException>().WithMessage("*at [1] it is NaN*");
        FluentActions.Invoking(() => TensorAssert.Close(Tensor<double>.Zeros(3, 1), expected, 1.0))
            .Should().Throw<EngineAssertionException>().WithMessage("Expected tensor to have shape (3), but it has shape (3, 1).");
        TensorAssert.Close(Tensor<double>.From([1.0, 2.05, 3.0]), expected, 0.1);
    }

    [Fact]
    public void Grad_assert_points_out_a_constant_factor()
    {
        var rng = new Rng(4);

        var act = () => GradAssert.LayerGradientsMatch(new GradientTimesTwo(new Affine<double>(3, 2, rng)), rng.Normal(1.0, 4, 3), rng);

        act.Should().Throw<EngineAssertionException>().WithMessage("*analytic / numeric = 2*constant factor*");
    }

    [Fact]
    public void Grad_check_catches_a_backward_that_mutates_dout()
    {
        var report = GradCheck.Layer(new MutatesDOut(), new Rng(5).Normal(1.0, 2, 3), new Rng(6));

        report.Passed.Should().BeFalse();
        report.TensorName.Should().Be("dOut");
        report.ToString().Should().Contain("Backward modified the dOut tensor");
    }

    /// <summary>dW doubled (a gradient accumulated twice).</summary>
    private sealed class GradientTimesTwo(Affine<double> inner) : ILayer<double>
    {
        public IReadOnlyList<Parameter<double>> Parameters => inner.Parameters;
        public Tensor<double> Forward(Tensor<double> x, bool training = true) => inner.Forward(x, training);
        public Tensor<double> Backward(Tensor<double> dOut)
        {
            var dx = inner.Backward(dOut);
            inner.W.Grad = inner.W.Grad * 2.0;
            return dx;
        }
    }

    /// <summary>Identity whose Backward scales dOut in place (mutant D1-M6).</summary>
    private sealed class MutatesDOut : ILayer<double>
    {
        public IReadOnlyList<Parameter<double>> Parameters => [];
        public Tensor<double> Forward(Tensor<double> x, bool training = true) => x.Clone();
        public Tensor<double> Backward(Tensor<double> dOut)
        {
            dOut.Span[0] = 0;
            return dOut;
        }
    }
}
