namespace Course.Day01.Tests;

[Trait("Exercise", "1.2")]
public class ActivationsTests
{
    [Fact]
    public void Step_is_one_only_for_positive_inputs()
    {
        var y = Activations.Step(Tensor.From([-1.0, 0.0, 2.0]));

        y.ToArray().Should().Equal([0.0, 0.0, 1.0], "h(x) = 1 for x > 0 and 0 for x ≤ 0 (lesson §1.2), so h(0) = 0");
    }

    [Fact]
    public void Sigmoid_of_zero_is_one_half_and_of_one_is_0_731()
    {
        var y = Activations.Sigmoid(Tensor.From([0.0, 1.0]));

        y.Shape.ToArray().Should().Equal([2], "activations keep the input's shape");
        y[0].Should().BeApproximately(0.5, 1e-15, "σ(0) = 1 / (1 + e⁰) = 1/2");
        y[1].Should().BeApproximately(0.7310585786300049, 1e-15, "σ(1) = 1 / (1 + e⁻¹)");
    }

    [Fact]
    public void Relu_keeps_positive_values_and_zeroes_the_rest()
    {
        var y = Activations.Relu(Tensor.From(new[,] { { -2.0, 0.0 }, { 0.5, 3.0 } }));

        y.Shape.ToArray().Should().Equal([2, 2], "activations keep the input's shape");
        y.ToArray().Should().Equal([0.0, 0.0, 0.5, 3.0], "ReLU(x) = max(0, x)");
    }

    [Fact]
    public void Activations_return_a_new_tensor_and_leave_the_input_alone()
    {
        var x = Tensor.From(new[,] { { -1.0, 2.0, 0.0 } });

        var y = Activations.Sigmoid(x);

        y.Should().NotBeSameAs(x, "activations return a new tensor");
        x.ToArray().Should().Equal([-1.0, 2.0, 0.0], "the input is not modified");
        y.ShapeString.Should().Be("(1, 3)", "the output has the input's shape");
    }
}
