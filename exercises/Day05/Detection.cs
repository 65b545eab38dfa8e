namespace Course.Day05;

/// <summary>Exercise 5.2 — IoU, greedy non-maximum suppression and segmentation mean IoU (lesson §5.2).</summary>
public static class Detection
{
    /// <summary>Area of intersection over area of union; 0 for disjoint or edge-touching boxes.</summary>
    public static double IoU(Box a, Box b) =>
        throw new NotImplementedException(
            "Detection.IoU: intersection width = max(0, min(x2) − max(x1)), same for height; union = area(a) + area(b) − intersection (lesson §5.2).");

    /// <summary>Greedy NMS: sort by score (descending, stable), keep a box, drop the rest with IoU &gt; threshold against it.</summary>
    /// <returns>Indices of the kept boxes, in descending score order.</returns>
    public static int[] NonMaxSuppression(IReadOnlyList<Box> boxes, IReadOnlyList<double> scores, double iouThreshold) =>
        throw new NotImplementedException(
            "Detection.NonMaxSuppression: visit indices by descending score (stable on ties); keep one unless its IoU with a kept box is > threshold (lesson §5.2).");

    /// <summary>Mean over the classes present in either mask of |pred ∩ true| / |pred ∪ true|.</summary>
    public static double MeanIoU(int[] predictedMask, int[] trueMask, int classes) =>
        throw new NotImplementedException(
            "Detection.MeanIoU: count per class the pixels in both masks and in either; average the ratios over classes whose union is non-empty (lesson §5.2).");
}
