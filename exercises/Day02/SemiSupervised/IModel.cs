using Course.Engine.Data;

namespace Course.Day02;

/// <summary>A classifier that self-training can train from scratch and query (lesson §2.9).</summary>
public interface IModel
{
    /// <summary>Trains on <paramref name="data"/> for <paramref name="epochs"/> epochs; mini-batch order from <paramref name="rng"/>.</summary>
    void Fit(Dataset data, int epochs, Rng rng);

    /// <summary>Class scores (logits, not probabilities) in inference mode: x [N, features] → [N, K].</summary>
    Tensor Predict(Tensor x);
}
