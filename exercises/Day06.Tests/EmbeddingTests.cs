namespace Course.Day06.Tests;

public class EmbeddingTests
{
    [Fact]
    [Trait("Exercise", "6.3")]
    public void Forward_looks_up_rows_and_Backward_adds_into_them()
    {
        var emb = new Embedding(5, 3, new Rng(1));

        var y = emb.Forward(new[,] { { 4, 1 }, { 1, 0 } });
        emb.Backward(Tensor.Ones(2, 2, 3));

        y.Shape.ToArray().Should().Equal([2, 2, 3], "(N, T) ids → (N, T, dim) (lesson §6.3)");
        y[0, 0, 2].Should().Be(emb.W.Value[4, 2], "position (0, 0) holds row 4 of W (lesson §6.3)");
        emb.W.Grad[1, 0].Should().Be(2, "id 1 occurs twice, so its row receives two gradients (lesson §6.3)");
        emb.W.Grad[2, 0].Should().Be(0, "an id that was not looked up gets no gradient (lesson §6.3)");
    }
}
