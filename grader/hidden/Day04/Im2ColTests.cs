// Kills: D4-M1 columns ordered spatial-major (fy, fx, c) instead of (c, fy, fx); D4-M2 col2im overwriting a pixel
// shared by overlapping windows instead of accumulating; D4-M6 padding on one side only; rows in the wrong
// (image, oy, ox) order; col2im that keeps the padding border; the input mutated in place (4.3).
namespace Course.Day04.Tests;

[Trait("Exercise", "4.3")]
public class Im2ColTests
{
    private static double Dot(Tensor a, Tensor b)
    {
        double s = 0;
        var x = a.Span;
        var y = b.Span;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    [Theory]
    [Trait("Weight", "4")]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(2, 1)]
    public void Col2im_is_the_adjoint_of_im2col_so_the_two_inner_products_agree(int stride, int pad)
    {
        var rng = new Rng(430 + (ulong)(stride * 2 + pad));
        var x = rng.Normal(1.0, 2, 3, 5, 5);
        var col = Im2Col.Forward(x, 3, 3, stride, pad);
        var c = rng.Normal(1.0, col.ShapeArray);

        var back = Im2Col.Backward(c, x.ShapeArray, 3, 3, stride, pad);

        back.ShapeString.Should().Be("(2, 3, 5, 5)", "col2im drops the padding and returns the input's shape");
        Dot(col, c).Should().BeApproximately(Dot(x, back), 1e-10,
            $"⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩ (stride {stride}, pad {pad}): every column entry must be added back to the pixel it came from, overlaps accumulating");
    }

    [Fact]
    [Trait("Weight", "3")]
    public void A_one_hot_pixel_appears_exactly_in_the_rows_and_columns_of_the_windows_that_cover_it()
    {
        var x = Tensor.Zeros(1, 2, 4, 4);
        x[0, 1, 1, 2] = 1.0;                    // channel 1, row 1, column 2
        var col = Im2Col.Forward(x, 3, 3, 1, 0);   // 2×2 outputs, 18 columns

        col.ShapeString.Should().Be("(4, 18)");
        var hits = new List<(int Row, int Col)>();
        for (int r = 0; r < 4; r++)
        for (int k = 0; k < 18; k++)
            if (col[r, k] != 0) hits.Add((r, k));
        // window (oy, ox) sees the pixel at (fy, fx) = (1 − oy, 2 − ox); column = c·9 + fy·3 + fx
        hits.Should().Equal([(0, 9 + 1 * 3 + 2), (1, 9 + 1 * 3 + 1), (2, 9 + 0 * 3 + 2), (3, 9 + 0 * 3 + 1)],
            "row = oy·OW + ox, column = c·FH·FW + fy·FW + fx: the (c, fy, fx) order that w.Reshape(FN, C·FH·FW) uses");
    }

    [Fact]
    [Trait("Weight", "2")]
    public void With_padding_one_the_first_window_starts_one_pixel_above_and_left_of_the_image()
    {
        var x = Tensor.From([1, 2, 3, 4, 5, 6, 7, 8, 9.0], 1, 1, 3, 3);
        var col = Im2Col.Forward(x, 3, 3, 1, 1);

        col.ShapeString.Should().Be("(9, 9)");
        col.Row(0).ToArray().Should().Equal([0, 0, 0, 0, 1, 2, 0, 4, 5.0], "the top-left window is padded on its top row and left column");
        col.Row(8).ToArray().Should().Equal([5, 6, 0, 8, 9, 0, 0, 0, 0.0], "the bottom-right window is padded on its bottom row and right column");
    }

    [Fact]
    public void Col2im_of_all_ones_counts_how_many_windows_cover_each_pixel()
    {
        var ones = Tensor.Ones(4, 9);   // 4×4 input, 3×3 kernel, stride 1: 2×2 windows
        var counts = Im2Col.Backward(ones, [1, 1, 4, 4], 3, 3, 1, 0);

        counts.ToArray().Should().Equal([1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1.0],
            "an inner pixel lies in all 4 windows, a corner in 1: overlaps must add up");
    }

    [Fact]
    public void The_book_example_shapes_hold_and_rows_follow_the_image_index()
    {
        var rng = new Rng(431);
        var x = rng.Normal(1.0, 10, 3, 7, 7);
        var x0 = x.Clone();
        var col = Im2Col.Forward(x, 5, 5, 1, 0);

        col.ShapeString.Should().Be("(90, 75)", "10 images × 3×3 outputs rows, 3·5·5 columns");
        Im2Col.Forward(x.Slice(0, 4, 1), 5, 5, 1, 0).ToArray().Should().Equal(col.Slice(0, 36, 9).ToArray(), "image 4 owns rows 36..44");
        TensorAssert.Close(x, x0, 0, "im2col must not modify its input");
    }
}
