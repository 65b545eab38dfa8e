namespace Course.Engine.Tests;

public class ReductionTests
{
    private static readonly Tensor<double> X = Tensor<double>.Arange(24).Reshape(2, 3, 4);

    [Fact]
    public void Sum_along_each_axis()
    {
        X.Sum().Should().Be(276);
        X.Sum(axis: 0)[2, 3].Should().Be(11 + 23);
        X.Sum(axis: 1)[1, 0].Should().Be(12 + 16 + 20);
        X.Sum(axis: -1)[0, 2].Should().Be(8 + 9 + 10 + 11);
        X.Sum(axis: 1, keepDims: true).ShapeArray.Should().Equal(2, 1, 4);
    }

    [Fact]
    public void Mean_max_min()
    {
        X.Mean(axis: 2)[1, 1].Should().Be(17.5);
        X.Max(axis: 1)[0, 0].Should().Be(8);
        X.Min(axis: 0)[2, 3].Should().Be(11);
        X.Mean().Should().Be(11.5);
    }

    [Fact]
    public void ArgMax_takes_the_first_maximum_on_ties()
    {
        var t = Tensor<double>.From([1.0, 3, 3, 0, 5, 5, 5, 2], 2, 4);

        t.ArgMax(axis: 1).Should().Equal(1, 0);
        t.ArgMax(axis: 0).Should().Equal(1, 1, 1, 1);
    }

    [Fact]
    public void Bad_axis_names_the_operation()
    {
        X.Invoking(x => x.Sum(axis: 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Sum: axis 3 is out of range for a tensor of rank 3*");
    }
}
