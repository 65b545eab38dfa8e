using Course.Engine.Data;

namespace Course.Day02;

/// <summary>Label-preserving data augmentation for 8×8 digit images (lesson §2.6).</summary>
public static class Augment
{
    /// <summary>
    /// Shifts every image by <paramref name="dx"/> pixels to the right and <paramref name="dy"/> pixels down:
    /// out[n, c, y, x] = in[n, c, y − dy, x − dx], zero where that source lies outside the image (no wrap-around).
    /// </summary>
    /// <param name="images">[N, C, H, W] (digits: [N, 1, 8, 8]); not modified.</param>
    /// <returns>A new tensor of the same shape.</returns>
    public static Tensor Shift(Tensor images, int dx, int dy)
    {
        if (images.Rank != 4)
            throw new ArgumentException($"Augment.Shift: expected images of shape (N, C, H, W), got {images.ShapeString}.", nameof(images));
        int planes = images.Dim(0) * images.Dim(1), h = images.Dim(2), w = images.Dim(3);
        var result = Tensor.ZerosLike(images);
        var src = (ReadOnlySpan<double>)images.Span;
        var dst = result.Span;
        for (int p = 0; p < planes; p++)
        {
            int o = p * h * w;
            for (int y = 0; y < h; y++)
            {
                int sy = y - dy;
                if (sy < 0 || sy >= h) continue;
                for (int x = 0; x < w; x++)
                {
                    int sx = x - dx;
                    if (sx < 0 || sx >= w) continue;
                    dst[o + y * w + x] = src[o + sy * w + sx];
                }
            }
        }
        return result;
    }

    /// <summary>images + N(0, σ²) noise (one Gaussian per element, in row-major order), clipped to [0, 1]; same shape, new tensor.</summary>
    public static Tensor AddNoise(Tensor images, double sigma, Rng rng)
    {
        if (sigma < 0) throw new ArgumentOutOfRangeException(nameof(sigma), $"Augment.AddNoise: sigma must be ≥ 0, got {sigma}.");
        var result = images.Clone();
        var s = result.Span;
        for (int i = 0; i < s.Length; i++) s[i] = Math.Clamp(s[i] + sigma * rng.NextGaussian(), 0.0, 1.0);
        return result;
    }

    /// <summary>
    /// The originals followed by <paramref name="copies"/> augmented copies of the whole set: each image shifted by a
    /// random (dx, dy) ∈ {−1, 0, 1}² and given N(0, σ²) noise. Labels are copied in order, so the result has
    /// N·(copies + 1) samples and X keeps the input's shape convention ([N, 64] or [N, 1, 8, 8]).
    /// </summary>
    public static Dataset RandomShiftAndNoise(Dataset d, int copies, double sigma, Rng rng)
    {
        if (copies < 0) throw new ArgumentOutOfRangeException(nameof(copies), $"Augment.RandomShiftAndNoise: copies must be ≥ 0, got {copies}.");
        int n = d.X.Dim(0);
        var images = AsImages(d.X);
        var parts = new List<Tensor> { images.Clone() };
        for (int c = 0; c < copies; c++)
        {
            var copy = Tensor.ZerosLike(images);
            for (int i = 0; i < n; i++)
            {
                int dx = rng.NextInt(3) - 1, dy = rng.NextInt(3) - 1;
                var shifted = Shift(images.Slice(0, i, 1), dx, dy);
                copy.Slice(0, i, 1).CopyFrom(AddNoise(shifted, sigma, rng));
            }
            parts.Add(copy);
        }
        var x = Ops.Concat(0, parts.ToArray());
        var shape = d.X.ShapeArray;
        shape[0] = n * (copies + 1);
        var y = new int[n * (copies + 1)];
        for (int c = 0; c <= copies; c++) Array.Copy(d.Y, 0, y, c * n, n);
        return new Dataset(x.Reshape(shape), y);
    }

    private static Tensor AsImages(Tensor x)
    {
        if (x.Rank == 4) return x;
        if (x.Rank == 2 && x.Dim(1) == 64) return x.Reshape(x.Dim(0), 1, 8, 8);
        throw new ArgumentException($"Augment.RandomShiftAndNoise: expected X of shape (N, 64) or (N, 1, 8, 8), got {x.ShapeString}.");
    }
}
