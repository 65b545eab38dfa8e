using Course.Engine.Data;

namespace Course.Day02.Tests;

[Trait("Exercise", "2.3")]
public class AugmentTests
{
    [Fact]
    public void Shift_moves_a_lit_pixel_right_and_down()
    {
        var img = Tensor.Zeros(1, 1, 8, 8);
        img[0, 0, 2, 3] = 1.0;                       // row y = 2, column x = 3
        var shifted = Augment.Shift(img, dx: 1, dy: 2);
        shifted.ShapeArray.Should().Equal([1, 1, 8, 8], "Shift keeps the (N, 1, 8, 8) shape");
        shifted[0, 0, 4, 4].Should().Be(1.0, "dx = +1 moves right (x 3 → 4), dy = +2 moves down (y 2 → 4) (lesson §2.6)");
        shifted.Sum().Should().Be(1.0, "exactly one pixel is lit after the shift");
    }

    [Fact]
    public void RandomShiftAndNoise_appends_copies_with_the_same_labels()
    {
        var d = new Dataset(Tensor.Full(0.5, 3, 64), [7, 1, 4]);
        var aug = Augment.RandomShiftAndNoise(d, copies: 2, sigma: 0.05, new Rng(5));
        aug.X.Dim(0).Should().Be(9, "N·(copies + 1) = 3·3 samples (lesson §2.6)");
        aug.Y.Should().Equal([7, 1, 4, 7, 1, 4, 7, 1, 4], "the originals come first and each copy repeats the labels in order");
    }
}
