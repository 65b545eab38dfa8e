using Course.Engine.Testing;

namespace Course.Engine.Tests.Part2;

public class EmbeddingTests
{
    [Fact]
    public void Lookup_equals_one_hot_times_W()
    {
        var rng = new Rng(90);
        var emb = new Embedding<double>(5, 3, rng);
        int[,] ids = { { 4, 0, 2 }, { 1, 1, 3 } };
        var y = emb.Forward(ids);
        y.ShapeArray.Should().Equal(2, 3, 3);
        var expected = Ops.MatMul(Ops.OneHot<double>([4, 0, 2, 1, 1, 3], 5), emb.W.Value).Reshape(2, 3, 3);
        TensorAssert.Close(y, expected, 0);
    }

    [Fact]
    public void Repeated_ids_accumulate_and_unused_rows_get_zero_gradient()
    {
        var rng = new Rng(91);
        var emb = new Embedding<double>(6, 2, rng);
        emb.Forward([3, 1, 3, 3]);
        emb.Backward(Tensor<double>.Ones(4, 2));
        emb.W.Grad[3, 0].Should().Be(3);
        emb.W.Grad[1, 1].Should().Be(1);
        emb.W.Grad.Row(0).ToArray().Should().Equal(0, 0);
        emb.W.Grad.Row(5).ToArray().Should().Equal(0, 0);
    }

    [Fact]
    public void Tensor_ids_path_matches_the_int_path_and_W_gradient_matches_central_differences()
    {
        var rng = new Rng(92);
        var emb = new Embedding<double>(4, 3, rng);
        var ids = Tensor<double>.From([0.0, 3, 3, 1, 2, 0], 2, 3);
        TensorAssert.Close(emb.Forward(ids), emb.Forward(new[,] { { 0, 3, 3 }, { 1, 2, 0 } }), 0);
        var r = rng.Normal(1.0, 2, 3, 3);
        double Loss() => NumericGradient.WeightedSum(emb.Forward(ids), r);
        emb.Forward(ids);
        emb.Backward(r).ShapeArray.Should().Equal(2, 3);
        NumericGradient.MaxRelativeError(emb.W.Grad, NumericGradient.Of(Loss, emb.W.Value)).Should().BeLessThan(1e-9);
    }

    [Fact]
    public void Out_of_range_ids_throw_and_init_std_is_0_01()
    {
        var emb = new Embedding<double>(1000, 10, new Rng(93));
        emb.Invoking(e => e.Forward([1000])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1000*[0, 1000)*");
        Math.Sqrt(emb.W.Value.Span.ToArray().Select(v => v * v).Average()).Should().BeApproximately(0.01, 0.0005);
    }
}
