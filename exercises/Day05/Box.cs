namespace Course.Day05;

/// <summary>Exercise 5.2 — an axis-aligned box in continuous coordinates, (X1, Y1) top-left, (X2, Y2) bottom-right (lesson §5.2).</summary>
/// <remarks>Width is X2 − X1 (no +1: these are not inclusive pixel indices).</remarks>
public readonly record struct Box(double X1, double Y1, double X2, double Y2)
{
    public double Area => (X2 - X1) * (Y2 - Y1);
}
