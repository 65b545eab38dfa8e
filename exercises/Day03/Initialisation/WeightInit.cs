namespace Course.Day03;

/// <summary>Weight initialisation and the activation-statistics experiment of the book's §6.2 (lesson §3.8).</summary>
public static class WeightInit
{
    /// <summary>Xavier (Glorot) in the book's form: N(0, 1/fanIn). Returns W of shape [fanOut, fanIn] (the course layout: W is [out, in]).</summary>
    public static Tensor Xavier(int fanIn, int fanOut, Rng rng) =>
        throw new NotImplementedException(
            "WeightInit.Xavier: return rng.Normal(std, fanOut, fanIn) with std = √(1/fanIn): shape [fanOut, fanIn] (lesson §3.8).");

    /// <summary>He (Kaiming): N(0, 2/fanIn), for ReLU, which zeroes half its inputs. Returns W of shape [fanOut, fanIn].</summary>
    public static Tensor He(int fanIn, int fanOut, Rng rng) =>
        throw new NotImplementedException(
            "WeightInit.He: return rng.Normal(std, fanOut, fanIn) with std = √(2/fanIn): shape [fanOut, fanIn] (lesson §3.8).");

    /// <summary>
    /// Pushes 1,000 × 100 N(0, 1) inputs (drawn from <paramref name="rng"/> first) through <paramref name="layers"/>
    /// 100-wide layers without bias: z ← activation(z·Wᵀ) with W = init(100, 100, rng) drawn per layer.
    /// Returns each layer's activation standard deviation (population std over all 100,000 values), length = layers.
    /// </summary>
    public static double[] ActivationStd(int layers, Func<int, int, Rng, Tensor> init, Func<Tensor, Tensor> activation, Rng rng) =>
        throw new NotImplementedException(
            "WeightInit.ActivationStd: z = rng.Normal(1.0, 1000, 100); for each layer W = init(100, 100, rng), " +
            "z = activation(Ops.MatMul(z, W, transB: true)), record √(mean((z − mean z)²)); return double[layers] (lesson §3.8).");
}
