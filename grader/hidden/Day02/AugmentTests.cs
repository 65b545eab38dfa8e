// Kills: D2-M6 augmentation wraps around (roll) instead of zero-filling, or swaps x and y.
using Course.Engine.Data;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.3")]
public class AugmentTests
{
    private static Tensor RandomImages(ulong seed, int n) => new Rng(seed).Uniform(0.0, 1.0, n, 1, 8, 8);

    [Theory]
    [Trait("Weight", "3")]
    [InlineData(1, 0, 3, 2, 3, 3)]
    [InlineData(-1, 0, 3, 2, 3, 1)]
    [InlineData(0, 1, 3, 2, 4, 2)]
    [InlineData(0, -2, 3, 2, 1, 2)]
    [InlineData(2, 1, 0, 0, 1, 2)]
    public void A_single_lit_pixel_moves_exactly(int dx, int dy, int y0, int x0, int y1, int x1)
    {
        var img = Tensor.Zeros(1, 1, 8, 8);
        img[0, 0, y0, x0] = 1.0;
        var shifted = Augment.Shift(img, dx, dy);
        shifted[0, 0, y1, x1].Should().Be(1.0, $"Shift(dx {dx}, dy {dy}) moves (y {y0}, x {x0}) to (y {y1}, x {x1}): +dx right, +dy down");
        shifted.Sum().Should().Be(1.0);
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Pixels_pushed_off_the_grid_vanish_instead_of_wrapping()
    {
        var img = Tensor.Zeros(1, 1, 8, 8);
        img[0, 0, 5, 7] = 1.0;       // right edge
        img[0, 0, 7, 2] = 0.5;       // bottom edge
        Augment.Shift(img, 1, 0).Sum().Should().Be(0.5, "the right-edge pixel leaves the image; a roll would bring it back at x = 0");
        Augment.Shift(img, 0, 1).Sum().Should().Be(1.0, "the bottom-edge pixel leaves the image; a roll would bring it back at y = 0");
        Augment.Shift(img, 0, 1)[0, 0, 0, 2].Should().Be(0.0, "the vacated top row is zero-filled");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Shift_right_then_left_zeroes_only_the_right_edge_column()
    {
        var img = RandomImages(3, 4);
        var back = Augment.Shift(Augment.Shift(img, 1, 0), -1, 0);
        var expected = img.Clone();
        for (int n = 0; n < 4; n++) for (int y = 0; y < 8; y++) expected[n, 0, y, 7] = 0.0;
        TensorAssert.Close(back, expected, 0.0, "the column shifted out is lost, everything else returns bitwise");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void Shift_down_then_up_zeroes_only_the_bottom_row()
    {
        var img = RandomImages(4, 2);
        var back = Augment.Shift(Augment.Shift(img, 0, 1), 0, -1);
        var expected = img.Clone();
        for (int n = 0; n < 2; n++) for (int x = 0; x < 8; x++) expected[n, 0, 7, x] = 0.0;
        TensorAssert.Close(back, expected, 0.0, "dy moves rows (not columns): the row shifted out is lost");
    }

    [Fact]
    public void Shift_does_not_modify_its_input()
    {
        var img = RandomImages(5, 3);
        var copy = img.Clone();
        Augment.Shift(img, 1, -1);
        TensorAssert.Close(img, copy, 0.0, "augmentation returns a new tensor");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void AddNoise_keeps_values_in_the_unit_interval_and_is_seeded()
    {
        var img = RandomImages(6, 20);
        var a = Augment.AddNoise(img, 0.3, new Rng(9));
        a.ShapeArray.Should().Equal(img.ShapeArray);
        a.Min().Should().BeGreaterThanOrEqualTo(0.0, "noisy pixels are clipped to [0, 1]");
        a.Max().Should().BeLessThanOrEqualTo(1.0, "noisy pixels are clipped to [0, 1]");
        TensorAssert.Close(Augment.AddNoise(img, 0.3, new Rng(9)), a, 0.0, "same seed, same noise");
        (a - img).Map(Math.Abs).Mean().Should().BeGreaterThan(0.05, "σ = 0.3 noise changes the pixels");
    }

    [Fact]
    public void RandomShiftAndNoise_copies_labels_in_order_and_keeps_values_in_range()
    {
        var (train, _) = Digits.Load();
        var d = new Dataset(train.X.Slice(0, 0, 30), train.Y[..30]);
        var aug = Augment.RandomShiftAndNoise(d, copies: 3, sigma: 0.1, new Rng(8));
        aug.X.Dim(0).Should().Be(120, "N·(copies + 1)");
        aug.X.ShapeArray[1..].Should().Equal(d.X.ShapeArray[1..], "the feature layout ([N, 64]) is kept");
        for (int c = 0; c < 4; c++) aug.Y[(30 * c)..(30 * c + 30)].Should().Equal(d.Y, $"copy {c} repeats the source labels in order");
        aug.X.Min().Should().BeGreaterThanOrEqualTo(0.0);
        aug.X.Max().Should().BeLessThanOrEqualTo(1.0);
        TensorAssert.Close(aug.X.Slice(0, 0, 30), d.X, 0.0, "the originals come first, unchanged");
        d.Y.Should().Equal(train.Y[..30], "the source labels are not modified");
    }

    [Fact]
    public void Augmented_copies_are_one_pixel_shifts_of_their_source_up_to_noise()
    {
        // Without noise every copy must equal one of the nine shifts of its source image.
        var (train, _) = Digits.Load();
        var d = new Dataset(train.X.Slice(0, 0, 20), train.Y[..20]);
        var aug = Augment.RandomShiftAndNoise(d, copies: 2, sigma: 0.0, new Rng(10));
        var images = d.X.Reshape(20, 1, 8, 8);
        int nonZeroShifts = 0;
        for (int c = 1; c <= 2; c++)
            for (int i = 0; i < 20; i++)
            {
                var copy = aug.X.Slice(0, 20 * c + i, 1).Reshape(1, 1, 8, 8);
                bool matched = false;
                for (int dy = -1; dy <= 1 && !matched; dy++)
                    for (int dx = -1; dx <= 1 && !matched; dx++)
                        if (Augment.Shift(images.Slice(0, i, 1), dx, dy).Span.SequenceEqual(copy.Span))
                        {
                            matched = true;
                            if (dx != 0 || dy != 0) nonZeroShifts++;
                        }
                matched.Should().BeTrue($"copy {c} of image {i} must be its source shifted by some (dx, dy) in {{−1, 0, 1}}²");
            }
        nonZeroShifts.Should().BeGreaterThan(20, "most of the 40 copies (8 of 9 shifts) are actually moved");
    }
}
