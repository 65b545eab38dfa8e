// Kills: D6-M5 repeated ids overwriting instead of accumulating; gradients accumulated across Backward calls; unused
// rows not zero; ids not range-checked; a wrong initial distribution; the caller's ids or dOut changed.
using EngineLayers = Course.Engine.Layers;

namespace Course.Day06.Tests;

[Trait("Exercise", "6.3")]
public class EmbeddingTests
{
    [Fact]
    [Trait("Weight", "2")]
    public void Forward_equals_one_hot_times_W()
    {
        var emb = new Embedding(7, 3, new Rng(1));
        int[,] ids = { { 0, 6, 3 }, { 3, 3, 1 } };

        var y = emb.Forward(ids);

        y.Shape.ToArray().Should().Equal([2, 3, 3]);
        var flat = new[] { 0, 6, 3, 3, 3, 1 };
        var product = Ops.MatMul(Ops.OneHot<double>(flat, 7), emb.W.Value).Reshape(2, 3, 3);
        TensorAssert.Close(y, product, 0, "looking up row id is one-hot(id) · W");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void W_is_drawn_N_0_0_01_squared_from_the_given_rng_like_the_engine()
    {
        var emb = new Embedding(50, 40, new Rng(2));
        var reference = new EngineLayers.Embedding<double>(50, 40, new Rng(2));

        emb.Parameters.Should().HaveCount(1);
        emb.W.Name.Should().Be("W");
        TensorAssert.Close(emb.W.Value, reference.W.Value, 0, "W = rng.Normal(0.01, vocab, dim), the engine's draw");
        var w = emb.W.Value.ToArray();
        Math.Sqrt(w.Average(v => v * v)).Should().BeApproximately(0.01, 0.001, "std 0.01");
        new Embedding(50, 40, new Rng(3)).W.Value.ToArray().Should().NotEqual(w, "another seed draws other weights");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void An_id_repeated_3_times_in_a_batch_gets_3_times_the_gradient()
    {
        var emb = new Embedding(5, 2, new Rng(4));
        emb.Forward(new[,] { { 2, 4 }, { 2, 2 } });
        var dOut = Tensor.Ones(2, 2, 2);

        emb.Backward(dOut);

        emb.W.Grad[2, 0].Should().Be(3, "id 2 occurs three times: its three dOut rows are ADDED");
        emb.W.Grad[2, 1].Should().Be(3);
        emb.W.Grad[4, 0].Should().Be(1);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void Backward_overwrites_W_Grad_each_call_and_unused_rows_get_exactly_zero()
    {
        var rng = new Rng(5);
        var emb = new Embedding(6, 3, rng);
        emb.Forward(new[,] { { 1, 3, 1 } });
        var dOut = rng.Normal(1.0, 1, 3, 3);
        var before = dOut.ToArray();

        emb.Backward(dOut);
        var first = emb.W.Grad.Clone();
        emb.Backward(dOut);

        dOut.ToArray().Should().Equal(before, "Backward must not change dOut");
        TensorAssert.Close(emb.W.Grad, first, 0, "a second Backward after one Forward gives the same W.Grad (overwrite, not accumulate)");
        foreach (int row in new[] { 0, 2, 4, 5 })
            for (int k = 0; k < 3; k++) emb.W.Grad[row, k].Should().Be(0, $"row {row} was not looked up");
        emb.W.Grad[1, 0].Should().BeApproximately(before[0] + before[6], 1e-15);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Forward_and_Backward_equal_the_engine_embedding()
    {
        var rng = new Rng(6);
        var emb = new Embedding(9, 4, new Rng(7));
        var reference = new EngineLayers.Embedding<double>(9, 4, new Rng(7));
        int[,] ids = { { 8, 0, 8, 5 }, { 5, 5, 1, 0 }, { 2, 8, 3, 7 } };

        TensorAssert.Close(emb.Forward(ids), reference.Forward(ids), 0, "same lookup as the engine");
        var dOut = rng.Normal(1.0, 3, 4, 4);
        emb.Backward(dOut.Clone());
        reference.Backward(dOut.Clone());
        TensorAssert.Close(emb.W.Grad, reference.W.Grad, 1e-14, "same scatter-add as the engine");
    }

    [Fact]
    public void Forward_leaves_the_ids_unchanged()
    {
        var emb = new Embedding(4, 2, new Rng(8));
        var ids = new[,] { { 0, 1 }, { 3, 3 } };

        emb.Forward(ids);

        ids.Cast<int>().Should().Equal([0, 1, 3, 3]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void An_id_outside_the_vocabulary_throws(int id)
    {
        var act = () => new Embedding(4, 2, new Rng(9)).Forward(new[,] { { 0, id } });
        act.Should().Throw<ArgumentException>($"id {id} is outside [0, 4)");
    }

    [Fact]
    public void The_last_id_vocab_minus_1_is_valid()
    {
        var emb = new Embedding(4, 2, new Rng(10));
        var y = emb.Forward(new[,] { { 3 } });
        y.ToArray().Should().Equal(emb.W.Value.Row(3).ToArray());
    }
}
