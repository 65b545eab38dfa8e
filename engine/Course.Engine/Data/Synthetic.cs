namespace Course.Engine.Data;

/// <summary>Small 2-D classification sets generated in code (CURRICULUM §3.5). Every random draw uses the given <see cref="Rng"/>.</summary>
/// <remarks>All return X [N, 2] and labels [N], grouped by class (or by copy for XOR), not shuffled: use
/// <see cref="Dataset.Batches"/> to shuffle.</remarks>
public static class Synthetic
{
    private static readonly (double X, double Y, int Label)[] XorTable = [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)];

    /// <summary>The XOR truth table: X = (0,0), (0,1), (1,0), (1,1); Y = 0, 1, 1, 0.</summary>
    public static Dataset XorCorners()
    {
        var x = Tensor<double>.Zeros(4, 2);
        var y = new int[4];
        for (int c = 0; c < 4; c++) { x[c, 0] = XorTable[c].X; x[c, 1] = XorTable[c].Y; y[c] = XorTable[c].Label; }
        return new Dataset(x, y);
    }

    /// <summary>
    /// Noisy XOR: <paramref name="perCorner"/> copies of each of the four corners plus N(0, noise²) per coordinate;
    /// rows cycle through the corners (0,0), (0,1), (1,0), (1,1). Day 1 uses 100 per corner, noise 0.1.
    /// </summary>
    public static Dataset Xor(int perCorner, double noise, Rng rng)
    {
        if (perCorner <= 0) throw new ArgumentOutOfRangeException(nameof(perCorner), $"Synthetic.Xor: perCorner must be positive, got {perCorner}.");
        var x = Tensor<double>.Zeros(4 * perCorner, 2);
        var y = new int[4 * perCorner];
        for (int k = 0; k < perCorner; k++)
            for (int c = 0; c < 4; c++)
            {
                int i = 4 * k + c;
                x[i, 0] = XorTable[c].X + noise * rng.NextGaussian();
                x[i, 1] = XorTable[c].Y + noise * rng.NextGaussian();
                y[i] = XorTable[c].Label;
            }
        return new Dataset(x, y);
    }

    /// <summary>
    /// cs231n's spiral: class j has <paramref name="perClass"/> points with radius r = i/(n−1) and angle
    /// t = 4j + 4i/(n−1) + N(0, noise²), at (r sin t, r cos t). Typical: 3 classes × 100, noise 0.2.
    /// </summary>
    public static Dataset Spiral(int classes, int perClass, double noise, Rng rng)
    {
        if (classes <= 0 || perClass <= 1)
            throw new ArgumentOutOfRangeException(nameof(perClass), $"Synthetic.Spiral: need classes ≥ 1 and perClass ≥ 2, got {classes} and {perClass}.");
        var x = Tensor<double>.Zeros(classes * perClass, 2);
        var y = new int[classes * perClass];
        for (int j = 0; j < classes; j++)
            for (int i = 0; i < perClass; i++)
            {
                int row = j * perClass + i;
                double r = i / (double)(perClass - 1);
                double t = 4.0 * j + 4.0 * i / (perClass - 1) + noise * rng.NextGaussian();
                x[row, 0] = r * Math.Sin(t);
                x[row, 1] = r * Math.Cos(t);
                y[row] = j;
            }
        return new Dataset(x, y);
    }

    /// <summary>
    /// scikit-learn's two interleaving half circles: ⌊n/2⌋ points (cos πs, sin πs) labelled 0 and the rest
    /// (1 − cos πs, 0.5 − sin πs) labelled 1, s evenly spaced in [0, 1], plus N(0, noise²) per coordinate.
    /// </summary>
    public static Dataset Moons(int n, double noise, Rng rng)
    {
        if (n < 4) throw new ArgumentOutOfRangeException(nameof(n), $"Synthetic.Moons: need at least 4 points, got {n}.");
        int outer = n / 2, inner = n - outer;
        var x = Tensor<double>.Zeros(n, 2);
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            bool isOuter = i < outer;
            int count = isOuter ? outer : inner;
            int k = isOuter ? i : i - outer;
            double angle = Math.PI * k / (count - 1);
            x[i, 0] = (isOuter ? Math.Cos(angle) : 1 - Math.Cos(angle)) + noise * rng.NextGaussian();
            x[i, 1] = (isOuter ? Math.Sin(angle) : 0.5 - Math.Sin(angle)) + noise * rng.NextGaussian();
            y[i] = isOuter ? 0 : 1;
        }
        return new Dataset(x, y);
    }

    /// <summary>Isotropic Gaussian blobs: <paramref name="perClass"/> points N(center, std²·I) around each center; label = center index.</summary>
    public static Dataset Blobs(int perClass, IReadOnlyList<(double X, double Y)> centers, double std, Rng rng)
    {
        if (perClass <= 0 || centers.Count == 0)
            throw new ArgumentOutOfRangeException(nameof(perClass), $"Synthetic.Blobs: need perClass ≥ 1 and at least one center, got {perClass} and {centers.Count}.");
        var x = Tensor<double>.Zeros(centers.Count * perClass, 2);
        var y = new int[centers.Count * perClass];
        for (int c = 0; c < centers.Count; c++)
            for (int i = 0; i < perClass; i++)
            {
                int row = c * perClass + i;
                x[row, 0] = centers[c].X + std * rng.NextGaussian();
                x[row, 1] = centers[c].Y + std * rng.NextGaussian();
                y[row] = c;
            }
        return new Dataset(x, y);
    }

    /// <summary>Blobs around <paramref name="classes"/> centers evenly spaced on a circle of radius 3 (center k at angle 2πk/classes).</summary>
    public static Dataset Blobs(int perClass, int classes, double std, Rng rng)
    {
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), $"Synthetic.Blobs: classes must be positive, got {classes}.");
        var centers = new (double X, double Y)[classes];
        for (int k = 0; k < classes; k++)
            centers[k] = (3 * Math.Cos(2 * Math.PI * k / classes), 3 * Math.Sin(2 * Math.PI * k / classes));
        return Blobs(perClass, centers, std, rng);
    }
}
