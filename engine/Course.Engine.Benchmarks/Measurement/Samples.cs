namespace Course.Engine.Benchmarks.Measurement;

/// <summary>Repeated measurements of one quantity (seconds, or a metric) with the order statistics the report prints.</summary>
public sealed class Samples
{
    private readonly List<double> values = [];

    public IReadOnlyList<double> Values => values;
    public int Count => values.Count;

    public void Add(double value) => values.Add(value);
    public void AddRange(IEnumerable<double> more) => values.AddRange(more);

    public double Median => Quantile(0.5);
    public double P25 => Quantile(0.25);
    public double P75 => Quantile(0.75);
    public double Min => values.Count == 0 ? double.NaN : values.Min();
    public double Max => values.Count == 0 ? double.NaN : values.Max();

    /// <summary>Half the interquartile range relative to the median, in percent: the "±" printed next to a median.</summary>
    public double SpreadPercent => values.Count < 2 ? 0 : (P75 - P25) / 2 / Median * 100;

    /// <summary>Linear-interpolated quantile (NaN when empty).</summary>
    public double Quantile(double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
