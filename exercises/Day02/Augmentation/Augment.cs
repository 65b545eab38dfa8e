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
    public static Tensor Shift(Tensor images, int dx, int dy) =>
        throw new NotImplementedException(
            "Augment.Shift: return a new (N, C, H, W) tensor with out[n,c,y,x] = in[n,c,y−dy,x−dx] (+dx right, +dy down), 0 where the source is off the grid — no wrap-around (lesson §2.6).");

    /// <summary>images + N(0, σ²) noise (one Gaussian per element, in row-major order), clipped to [0, 1]; same shape, new tensor.</summary>
    public static Tensor AddNoise(Tensor images, double sigma, Rng rng) =>
        throw new NotImplementedException(
            "Augment.AddNoise: return a new tensor of the same shape, images + σ·rng.NextGaussian() per element, clipped to [0, 1] (lesson §2.6).");

    /// <summary>
    /// The originals followed by <paramref name="copies"/> augmented copies of the whole set: each image shifted by a
    /// random (dx, dy) ∈ {−1, 0, 1}² and given N(0, σ²) noise. Labels are copied in order, so the result has
    /// N·(copies + 1) samples and X keeps the input's shape convention ([N, 64] or [N, 1, 8, 8]).
    /// </summary>
    public static Dataset RandomShiftAndNoise(Dataset d, int copies, double sigma, Rng rng) =>
        throw new NotImplementedException(
            "Augment.RandomShiftAndNoise: return a Dataset of N·(copies + 1) samples — the originals, then `copies` passes over the set with a random shift in {−1,0,1}² plus noise per image — with labels repeated in the same order and X in the input's shape convention (lesson §2.6).");
}
