using Course.Engine.Data;

namespace Course.Day02;

/// <summary>Semi-supervised learning by pseudo-labelling, a.k.a. self-training (lesson §2.9).</summary>
public static class SelfTraining
{
    /// <summary>Rows of <paramref name="probs"/> [N, K] whose largest probability is ≥ <paramref name="threshold"/>
    /// (inclusive), in increasing row order, with their argmax class (ties → the lower class index).</summary>
    public static (int[] Index, int[] Label) Select(Tensor probs, double threshold) =>
        throw new NotImplementedException(
            "SelfTraining.Select: for each row of the (N, K) probabilities take the argmax (first on ties); keep rows whose max ≥ threshold; return (row indices ascending, their argmax labels) (lesson §2.9).");

    /// <summary>
    /// Trains a fresh model on <paramref name="labelled"/> (the baseline), then for each of <paramref name="rounds"/>
    /// rounds: turns the current model's scores on <paramref name="unlabelled"/> into softmax probabilities, selects
    /// the confident rows (<see cref="Select"/>), and trains a fresh model from scratch on labelled ∪ pseudo-labelled.
    /// The labelled set is never relabelled or modified; pseudo-labels are recomputed from scratch every round.
    /// Every fit runs <paramref name="epochs"/> epochs.
    /// </summary>
    /// <param name="makeModel">Builds an untrained model from an init stream.</param>
    /// <param name="rng">Forked per round into "model-r" (init) and "fit-r" (shuffling) streams.</param>
    public static SelfTrainingReport Run(Dataset labelled, Tensor unlabelled, Dataset test,
        Func<Rng, IModel> makeModel, double threshold, int rounds, int epochs, Rng rng) =>
        throw new NotImplementedException(
            "SelfTraining.Run: fit makeModel(rng.Fork(\"model-0\")) on labelled (baseline test accuracy); then each round softmax the model's " +
            "scores on the unlabelled pool, Select confident rows, fit a fresh model on labelled ∪ pseudo-labelled (new arrays — never touch labelled.Y); " +
            "return SelfTrainingReport(baseline, final test accuracy, selected count per round, test precision of confident predictions) (lesson §2.9).");
}
