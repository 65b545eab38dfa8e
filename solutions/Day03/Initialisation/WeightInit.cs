namespace Course.Day03;

/// <summary>Weight initialisation and the activation-statistics experiment of the book's §6.2 (lesson §3.8).</summary>
public static class WeightInit
{
    /// <summary>Xavier (Glorot) in the book's form: N(0, 1/fanIn). Returns W of shape [fanOut, fanIn] (the course layout: W is [out, in]).</summary>
    public static Tensor Xavier(int fanIn, int fanOut, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        return rng.Normal(Math.Sqrt(1.0 / fanIn), fanOut, fanIn);
    }

    /// <summary>He (Kaiming): N(0, 2/fanIn), for ReLU, which zeroes half its inputs. Returns W of shape [fanOut, fanIn].</summary>
    public static Tensor He(int fanIn, int fanOut, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        return rng.Normal(Math.Sqrt(2.0 / fanIn), fanOut, fanIn);
    }

    /// <summary>
    /// Pushes 1,000 × 100 N(0, 1) inputs (drawn from <paramref name="rng"/> first) through <paramref name="layers"/>
    /// 100-wide layers without bias: z ← activation(z·Wᵀ) with W = init(100, 100, rng) drawn per layer.
    /// Returns each layer's activation standard deviation (population std over all 100,000 values), length = layers.
    /// </summary>
    public static double[] ActivationStd(int layers, Func<int, int, Rng, Tensor> init, Func<Tensor, Tensor> activation, Rng rng)
    {
        const int samples = 1000, width = 100;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);

        var z = rng.Normal(1.0, samples, width);
        var stds = new double[layers];
        for (int layer = 0; layer < layers; layer++)
        {
            var w = init(width, width, rng);
            z = activation(Ops.MatMul(z, w, transB: true));
            stds[layer] = StandardDeviation(z);
        }
        return stds;
    }

    private static double StandardDeviation(Tensor values)
    {
        double mean = values.Mean();
        double sumOfSquares = 0;
        foreach (double v in values.Span) sumOfSquares += (v - mean) * (v - mean);
        return Math.Sqrt(sumOfSquares / values.Length);
    }
}
