namespace Course.Engine.Tests;

public class BroadcastingTests
{
    [Fact]
    public void Row_vector_broadcasts_over_the_batch()
    {
        var x = Tensor<double>.Arange(6).Reshape(2, 3);
        var b = Tensor<double>.From([10.0, 20.0, 30.0]);

        (x + b).ToArray().Should().Equal(10, 21, 32, 13, 24, 35);
        (b + x).ToArray().Should().Equal(10, 21, 32, 13, 24, 35);
    }

    [Fact]
    public void Column_and_row_broadcast_to_an_outer_grid()
    {
        var col = Tensor<double>.From([1.0, 2.0], 2, 1);
        var row = Tensor<double>.From([10.0, 20.0, 30.0], 1, 3);

        var r = col * row;

        r.ShapeArray.Should().Equal(2, 3);
        r.ToArray().Should().Equal(10, 20, 30, 20, 40, 60);
    }

    [Fact]
    public void Keepdims_reductions_broadcast_back()
    {
        var x = Tensor<double>.From([1.0, 2, 3, 4, 6, 8], 2, 3);

        var centred = x - x.Mean(axis: 1, keepDims: true);

        centred.ToArray().Should().Equal(-1, 0, 1, -2, 0, 2);
    }

    [Fact]
    public void Middle_axis_broadcast_walks_the_general_path()
    {
        var a = Tensor<double>.Arange(12).Reshape(2, 3, 2);
        var b = Tensor<double>.From([100.0, 200.0], 2, 1, 1);

        var r = a + b;

        r[1, 2, 1].Should().Be(11 + 200);
        r[0, 1, 0].Should().Be(2 + 100);
    }

    [Fact]
    public void Incompatible_shapes_name_the_operation_and_both_shapes()
    {
        var act = () => Tensor<double>.Zeros(2, 3) * Tensor<double>.Zeros(2);

        act.Should().Throw<ArgumentException>().WithMessage("Multiply: shapes (2, 3) and (2) cannot be broadcast together.");
    }
}
