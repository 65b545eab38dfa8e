namespace Course.Day05;

/// <summary>Exercise 5.2 — IoU, greedy non-maximum suppression and segmentation mean IoU (lesson §5.2).</summary>
public static class Detection
{
    /// <summary>Area of intersection over area of union; 0 for disjoint or edge-touching boxes.</summary>
    public static double IoU(Box a, Box b)
    {
        Validate(a, nameof(a));
        Validate(b, nameof(b));
        double iw = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1));
        double ih = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1));
        double inter = iw * ih;
        return inter / (a.Area + b.Area - inter);   // union counts the overlap once
    }

    /// <summary>Greedy NMS: sort by score (descending, stable), keep a box, drop the rest with IoU &gt; threshold against it.</summary>
    /// <returns>Indices of the kept boxes, in descending score order.</returns>
    public static int[] NonMaxSuppression(IReadOnlyList<Box> boxes, IReadOnlyList<double> scores, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(scores);
        if (boxes.Count != scores.Count)
            throw new ArgumentException($"NonMaxSuppression: {boxes.Count} boxes but {scores.Count} scores.");
        if (!(iouThreshold >= 0 && iouThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(iouThreshold), $"NonMaxSuppression: threshold must be in [0, 1], got {iouThreshold}.");
        var order = Enumerable.Range(0, boxes.Count).OrderByDescending(i => scores[i]).ToArray();   // LINQ's sort is stable
        var kept = new List<int>();
        foreach (int i in order)
        {
            bool suppressed = false;
            foreach (int k in kept)
            {
                if (IoU(boxes[i], boxes[k]) > iouThreshold) { suppressed = true; break; }
            }
            if (!suppressed) kept.Add(i);
        }
        return [.. kept];
    }

    /// <summary>Mean over the classes present in either mask of |pred ∩ true| / |pred ∪ true|.</summary>
    public static double MeanIoU(int[] predictedMask, int[] trueMask, int classes)
    {
        ArgumentNullException.ThrowIfNull(predictedMask);
        ArgumentNullException.ThrowIfNull(trueMask);
        if (predictedMask.Length != trueMask.Length)
            throw new ArgumentException($"MeanIoU: masks differ in length ({predictedMask.Length} vs {trueMask.Length}).");
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), $"MeanIoU: classes must be ≥ 1, got {classes}.");
        var inter = new long[classes];
        var union = new long[classes];
        for (int i = 0; i < trueMask.Length; i++)
        {
            int p = predictedMask[i], t = trueMask[i];
            if ((uint)p >= (uint)classes || (uint)t >= (uint)classes)
                throw new ArgumentException($"MeanIoU: label at {i} is outside 0..{classes - 1} (predicted {p}, true {t}).");
            union[p]++;
            if (p == t) inter[p]++;
            else union[t]++;
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++)
        {
            if (union[c] == 0) continue;
            sum += (double)inter[c] / union[c];
            present++;
        }
        return present == 0 ? 0 : sum / present;
    }

    private static void Validate(Box box, string name)
    {
        if (!(box.X2 > box.X1 && box.Y2 > box.Y1))
            throw new ArgumentException($"IoU: box {name} must have X2 > X1 and Y2 > Y1, got {box}.");
    }
}
