namespace Course.Engine.Tests;

public class TensorTests
{
    [Fact]
    public void Construction_and_indexing_are_row_major()
    {
        var t = Tensor<double>.From([1.0, 2, 3, 4, 5, 6], 2, 3);

        t[1, 0].Should().Be(4);
        t.Rank.Should().Be(2);
        t.Length.Should().Be(6);
        Tensor<double>.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }).ToArray().Should().Equal(t.ToArray());
        t.Invoking(x => x[2, 0]).Should().Throw<IndexOutOfRangeException>().WithMessage("*(2, 3)*");
        var act = () => Tensor<double>.From([1.0, 2, 3], 2, 2);
        act.Should().Throw<ArgumentException>().WithMessage("*3 values*(2, 2)*");
    }

    [Fact]
    public void From_copies_and_clone_is_deep()
    {
        double[] data = [1, 2];
        var t = Tensor<double>.From(data);
        data[0] = 99;
        var c = t.Clone();
        c[0] = -1;

        t[0].Should().Be(1);
    }

    [Fact]
    public void Reshape_and_row_slices_are_views()
    {
        var t = Tensor<double>.Arange(12).Reshape(3, 4);
        var r = t.Reshape(2, -1);
        r[1, 0] = 100;
        var s = t.Slice(0, 1, 2);
        s[0, 0] = -5;

        t[1, 2].Should().Be(100);
        t[1, 0].Should().Be(-5);
        r.ShapeArray.Should().Equal(2, 6);
        t.Invoking(x => x.Reshape(5, -1)).Should().Throw<ArgumentException>().WithMessage("Reshape (3, 4) → (5, -1)*");
    }

    [Fact]
    public void Transpose_permute_and_rows()
    {
        var t = Tensor<double>.Arange(6).Reshape(2, 3);

        t.Transpose().ToArray().Should().Equal(0, 3, 1, 4, 2, 5);
        var p = Tensor<double>.Arange(24).Reshape(2, 3, 4).Permute(2, 0, 1);
        p.ShapeArray.Should().Equal(4, 2, 3);
        p[3, 1, 2].Should().Be(1 * 12 + 2 * 4 + 3);
        t.Rows([1, 1, 0]).ToArray().Should().Equal(3, 4, 5, 3, 4, 5, 0, 1, 2);
        t.Invoking(x => x.Rows([2])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*index 2*(2, 3)*");
    }

    [Fact]
    public void CopyRowsTo_gathers_a_large_batch_across_cores_into_an_existing_buffer()
    {
        // 3,000 rows of 7×5 (a 105,000-element gather, above the split threshold) in a shuffled order.
        var data = Tensor<float>.Arange(3000 * 35).Reshape(3000, 7, 5);
        var order = new Rng(8).Permutation(3000);
        var batch = Tensor<float>.Full(-1f, 3000, 7, 5);
        data.CopyRowsTo(order, batch);
        for (int i = 0; i < order.Length; i += 97)
            batch.Slice(0, i, 1).ToArray().Should().Equal(data.Slice(0, order[i], 1).ToArray(), $"row {i} is source row {order[i]}");
        batch.ToArray().Should().Equal(data.Rows(order).ToArray());

        data.Invoking(d => d.CopyRowsTo([0, 1], Tensor<float>.Zeros(2, 5, 7)))
            .Should().Throw<ArgumentException>().WithMessage("CopyRowsTo: 2 rows of (3000, 7, 5) need a destination of shape (2, 7, 5), got (2, 5, 7).*");
        data.Invoking(d => d.CopyRowsTo([3000], Tensor<float>.Zeros(1, 7, 5)))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*index 3000*(3000, 7, 5)*");
    }

    [Fact]
    public void Slice_along_an_inner_axis_copies_the_right_block()
    {
        var t = Tensor<double>.Arange(24).Reshape(2, 3, 4);

        var s = t.Slice(1, 1, 2);

        s.ShapeArray.Should().Equal(2, 2, 4);
        s[1, 0, 0].Should().Be(16);
    }

    [Fact]
    public void Operators_never_work_in_place()
    {
        var a = Tensor<double>.From([1.0, 2.0]);
        var b = Tensor<double>.From([3.0, 5.0]);

        (a + b).ToArray().Should().Equal(4, 7);
        (a * 2.0 - b / 2.0).ToArray().Should().Equal(0.5, 1.5);
        (1.0 - a).ToArray().Should().Equal(0, -1);
        (-a).ToArray().Should().Equal(-1, -2);
        a.ToArray().Should().Equal(1, 2);
    }

    [Fact]
    public void Elementwise_ops_and_concat_split()
    {
        var x = Tensor<double>.From([-2.0, 0.0, 3.0]);

        Ops.Maximum(x, 0.0).ToArray().Should().Equal(0, 0, 3);
        Ops.Clip(x, -1.0, 1.0).ToArray().Should().Equal(-1, 0, 1);
        Ops.Sign(x).ToArray().Should().Equal(-1, 0, 1);
        Ops.Sigmoid(Tensor<double>.From([-800.0, 0.0, 800.0])).ToArray().Should().Equal(0, 0.5, 1);
        var c = Ops.Concat(1, Tensor<double>.Ones(2, 1), Tensor<double>.Zeros(2, 2));
        c.ToArray().Should().Equal(1, 0, 0, 1, 0, 0);
        var parts = Ops.Split(c, 1, 1, 2);
        parts[1].ShapeArray.Should().Equal(2, 2);
        Ops.OneHot<double>([2, 0], 3).ToArray().Should().Equal(0, 0, 1, 1, 0, 0);
    }

    [Fact]
    public void Cast_round_trips_through_float()
    {
        var d = Tensor<double>.From([0.5, -1.25]);

        d.Cast<float>().Cast<double>().ToArray().Should().Equal(0.5, -1.25);
    }
}
