namespace Course.Engine.Layers;

/// <summary>Weight initialisers. Dense weights are <c>[fanOut, fanIn]</c> (CURRICULUM §3.2: W is [out, in]).</summary>
/// <remarks>
/// Xavier uses the book's form N(0, 1/fanIn) (ゼロから作るDeep Learning §6.2), not Glorot's 2/(fanIn + fanOut),
/// so the Day-3 lesson and the engine agree. Every draw takes the caller's <see cref="Rng"/>.
/// </remarks>
public static class Init
{
    /// <summary>The standard deviation the rule gives for a layer with <paramref name="fanIn"/> inputs.</summary>
    public static double Std(WeightInit rule, int fanIn, double normalStd = 0.01) => rule switch
    {
        WeightInit.He => Math.Sqrt(2.0 / fanIn),
        WeightInit.Xavier => Math.Sqrt(1.0 / fanIn),
        WeightInit.Normal => normalStd,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Init.Std: unknown initialisation rule."),
    };

    /// <summary>He initialisation N(0, 2/fanIn): <c>[fanOut, fanIn]</c>.</summary>
    public static Tensor<T> He<T>(int fanIn, int fanOut, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
        => Normal<T>(Std(WeightInit.He, fanIn), rng, fanOut, fanIn);

    /// <summary>Xavier initialisation N(0, 1/fanIn): <c>[fanOut, fanIn]</c>.</summary>
    public static Tensor<T> Xavier<T>(int fanIn, int fanOut, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
        => Normal<T>(Std(WeightInit.Xavier, fanIn), rng, fanOut, fanIn);

    /// <summary>N(0, std²) samples of any shape.</summary>
    public static Tensor<T> Normal<T>(double std, Rng rng, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(shape);
        rng.FillNormal(t.Span, std);
        return t;
    }

    /// <summary>Weights of shape <paramref name="shape"/> for a layer with <paramref name="fanIn"/> inputs per output.</summary>
    public static Tensor<T> Weights<T>(WeightInit rule, int fanIn, Rng rng, double normalStd = 0.01, params int[] shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (fanIn <= 0) throw new ArgumentOutOfRangeException(nameof(fanIn), $"Init.Weights: fanIn must be positive, got {fanIn}.");
        return Normal<T>(Std(rule, fanIn, normalStd), rng, shape);
    }
}
