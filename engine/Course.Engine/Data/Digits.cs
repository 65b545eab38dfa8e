using System.IO.Compression;

namespace Course.Engine.Data;

/// <summary>
/// The UCI Optical Recognition of Handwritten Digits set as shipped with scikit-learn (1,797 images of 8×8 pixels,
/// integers 0–16), bundled in the engine (Data/digits.csv.gz; licence and attribution in Data/DIGITS-LICENSE.md).
/// </summary>
/// <remarks>
/// Split rule (CURRICULUM §3.5): row index % 5 == 0 → test, else train (no RNG), giving 1,437 train / 360 test.
/// Pixels are divided by 16, so inputs lie in [0, 1]. Each call returns fresh tensors (mutating one result
/// never changes the next).
/// </remarks>
public static class Digits
{
    /// <summary>Total number of images.</summary>
    public const int Count = 1797;

    /// <summary>Pixels per image (8 × 8).</summary>
    public const int Features = 64;

    /// <summary>Number of classes (digits 0–9).</summary>
    public const int Classes = 10;

    private static readonly Lazy<(byte[] Pixels, int[] Labels)> Raw = new(ReadResource);

    /// <summary>(Train, Test) with X [N, 64] in [0, 1]: 1,437 / 360 samples.</summary>
    public static (Dataset Train, Dataset Test) Load() => Split(flatImages: true);

    /// <summary>(Train, Test) with X [N, 1, 8, 8] in [0, 1] (one channel, row-major pixels).</summary>
    public static (Dataset Train, Dataset Test) LoadImages() => Split(flatImages: false);

    /// <summary>All 1,797 samples in file order, X [1797, 64] in [0, 1].</summary>
    public static Dataset LoadAll()
    {
        var (pixels, labels) = Raw.Value;
        var all = new int[Count];
        for (int i = 0; i < Count; i++) all[i] = i;
        return Build(pixels, labels, all, flat: true);
    }

    private static (Dataset Train, Dataset Test) Split(bool flatImages)
    {
        var (pixels, labels) = Raw.Value;
        var train = new List<int>(Count);
        var test = new List<int>(Count / 5 + 1);
        for (int i = 0; i < Count; i++) (i % 5 == 0 ? test : train).Add(i);
        return (Build(pixels, labels, [.. train], flatImages), Build(pixels, labels, [.. test], flatImages));
    }

    private static Dataset Build(byte[] pixels, int[] labels, int[] rows, bool flat)
    {
        var x = flat ? Tensor<double>.Zeros(rows.Length, Features) : Tensor<double>.Zeros(rows.Length, 1, 8, 8);
        var xs = x.Span;
        var y = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            for (int j = 0; j < Features; j++) xs[i * Features + j] = pixels[r * Features + j] / 16.0;
            y[i] = labels[r];
        }
        return new Dataset(x, y);
    }

    private static (byte[] Pixels, int[] Labels) ReadResource()
    {
        const string name = "Course.Engine.Data.digits.csv.gz";
        using var stream = typeof(Digits).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Digits: embedded resource '{name}' is missing from Course.Engine.dll.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var pixels = new byte[Count * Features];
        var labels = new int[Count];
        int row = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (row >= Count) throw new InvalidDataException($"digits.csv.gz: more than {Count} rows.");
            var fields = line.Split(',');
            if (fields.Length != Features + 1)
                throw new InvalidDataException($"digits.csv.gz line {row + 1}: {fields.Length} fields, expected {Features + 1} (64 pixels + label).");
            for (int j = 0; j < Features; j++) pixels[row * Features + j] = byte.Parse(fields[j], System.Globalization.CultureInfo.InvariantCulture);
            labels[row] = int.Parse(fields[Features], System.Globalization.CultureInfo.InvariantCulture);
            row++;
        }
        if (row != Count) throw new InvalidDataException($"digits.csv.gz: {row} rows, expected {Count}.");
        return (pixels, labels);
    }
}
