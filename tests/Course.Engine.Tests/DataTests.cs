using Course.Engine.Data;

namespace Course.Engine.Tests;

public class DataTests
{
    [Fact]
    public void Digits_split_by_index_mod_five()
    {
        var (train, test) = Digits.Load();
        var all = Digits.LoadAll();

        train.Count.Should().Be(1437);
        test.Count.Should().Be(360);
        train.X.ShapeArray.Should().Equal(1437, 64);
        test.Y[1].Should().Be(all.Y[5]);
        TensorAssert.Close(test.X.Row(1), all.X.Row(5), 0.0);
        TensorAssert.Close(train.X.Row(4), all.X.Row(6), 0.0);
        train.X.Min().Should().Be(0.0);
        train.X.Max().Should().Be(1.0);
        all.X.Span.ToArray().Should().OnlyContain(v => Math.Abs(v * 16 - Math.Round(v * 16)) < 1e-12);
    }

    [Fact]
    public void Digits_first_image_is_the_scikit_learn_zero()
    {
        var all = Digits.LoadAll();

        all.Y[0].Should().Be(0);
        (all.X.Row(0) * 16.0).ToArray()[..8].Should().Equal(0, 0, 5, 13, 9, 1, 0, 0);
    }

    [Fact]
    public void Digits_train_classes_have_133_to_154_images_each()
    {
        var counts = Digits.Load().Train.Y.GroupBy(y => y).Select(g => g.Count()).ToArray();

        counts.Should().HaveCount(10).And.OnlyContain(c => c >= 133 && c <= 154);
    }

    [Fact]
    public void Digit_images_are_the_same_pixels_in_eight_by_eight()
    {
        var (flat, _) = Digits.Load();
        var (images, _) = Digits.LoadImages();

        images.X.ShapeArray.Should().Equal(1437, 1, 8, 8);
        images.X[10, 0, 3, 5].Should().Be(flat.X[10, 3 * 8 + 5]);
        images.Y.Should().Equal(flat.Y);
    }

    [Fact]
    public void Each_load_returns_fresh_tensors()
    {
        var first = Digits.Load().Train;
        first.X[0, 0] = 42;

        Digits.Load().Train.X[0, 0].Should().Be(0.0);
    }

    [Fact]
    public void Batches_cover_every_sample_once_keep_the_last_partial_batch_and_are_seeded()
    {
        var data = new Dataset(Tensor<double>.Arange(10).Reshape(10, 1), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

        var batches = data.Batches(4, new Rng(1)).ToList();
        var again = data.Batches(4, new Rng(1)).ToList();

        batches.Select(b => b.Count).Should().Equal(4, 4, 2);
        batches.SelectMany(b => b.Y).Order().Should().Equal(Enumerable.Range(0, 10));
        batches.SelectMany(b => b.X.ToArray()).Should().Equal(batches.SelectMany(b => b.Y).Select(y => (double)y));
        again.SelectMany(b => b.Y).Should().Equal(batches.SelectMany(b => b.Y));
        batches.SelectMany(b => b.Y).Should().NotEqual(Enumerable.Range(0, 10));
    }

    [Fact]
    public void Subset_and_mismatched_sizes()
    {
        var data = new Dataset(Tensor<double>.Arange(6).Reshape(3, 2), [5, 6, 7]);

        var s = data.Subset([2, 0]);

        s.Y.Should().Equal(7, 5);
        s.X.ToArray().Should().Equal(4, 5, 0, 1);
        var act = () => new Dataset(Tensor<double>.Zeros(3, 2), [1, 2]);
        act.Should().Throw<ArgumentException>().WithMessage("Dataset: X has shape (3, 2) but there are 2 labels*");
    }

    [Fact]
    public void Xor_corners_and_noisy_copies()
    {
        var corners = Synthetic.XorCorners();
        var noisy = Synthetic.Xor(100, 0.1, new Rng(3));

        corners.X.ToArray().Should().Equal(0, 0, 0, 1, 1, 0, 1, 1);
        corners.Y.Should().Equal(0, 1, 1, 0);
        noisy.Count.Should().Be(400);
        noisy.Y.Take(8).Should().Equal(0, 1, 1, 0, 0, 1, 1, 0);
        noisy.X[5, 1].Should().BeApproximately(1.0, 0.5);
        Synthetic.Xor(100, 0.1, new Rng(3)).X.ToArray().Should().Equal(noisy.X.ToArray());
    }

    [Fact]
    public void Spiral_moons_and_blobs_have_the_documented_geometry()
    {
        var spiral = Synthetic.Spiral(3, 100, 0.2, new Rng(4));
        spiral.X.ShapeArray.Should().Equal(300, 2);
        spiral.Y.Distinct().Should().Equal(0, 1, 2);
        spiral.X[0, 0].Should().Be(0.0);                               // radius 0 at the start of each arm
        (Math.Sqrt(spiral.X[99, 0] * spiral.X[99, 0] + spiral.X[99, 1] * spiral.X[99, 1])).Should().BeApproximately(1.0, 1e-12);

        var moons = Synthetic.Moons(200, 0.0, new Rng(5));
        moons.Y.Count(y => y == 0).Should().Be(100);
        moons.X[0, 0].Should().BeApproximately(1.0, 1e-15);             // outer moon starts at (1, 0)
        moons.X[100, 0].Should().BeApproximately(0.0, 1e-15);           // inner moon starts at (0, 0.5)
        moons.X[100, 1].Should().BeApproximately(0.5, 1e-15);

        var blobs = Synthetic.Blobs(500, 4, 0.3, new Rng(6));
        blobs.Count.Should().Be(2000);
        blobs.X.Slice(0, 500, 500).Mean(axis: 0)[1].Should().BeApproximately(3.0, 0.05);   // class 1 centred at angle π/2
    }
}
