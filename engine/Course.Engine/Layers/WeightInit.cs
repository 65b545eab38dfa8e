namespace Course.Engine.Layers;

/// <summary>How a dense or convolutional layer draws its initial weights (see <see cref="Init"/>).</summary>
public enum WeightInit
{
    /// <summary>He: N(0, 2/fanIn), for ReLU networks.</summary>
    He,

    /// <summary>Xavier (the book's form): N(0, 1/fanIn), for sigmoid/tanh networks.</summary>
    Xavier,

    /// <summary>Plain N(0, std²) with a fixed std (the book's <c>weight_init_std = 0.01</c>).</summary>
    Normal,
}
