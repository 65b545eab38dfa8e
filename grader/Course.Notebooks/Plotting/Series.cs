namespace Course.Notebooks.Plotting;

/// <summary>One named line or point set; X and Y have the same length.</summary>
public sealed record Series(string Name, double[] X, double[] Y)
{
    /// <summary>Y against its index 0, 1, 2, … (loss per step, accuracy per epoch).</summary>
    public static Series Of(string name, IEnumerable<double> y)
    {
        var ys = y.ToArray();
        return new Series(name, Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray(), ys);
    }
}
