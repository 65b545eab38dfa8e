// Kills: nothing by itself — a test helper used by SelfTrainingHiddenTests (D2-M5).
using Course.Engine.Data;

namespace Course.Day02.Hidden.Models;

/// <summary>
/// A deterministic stand-in for a trained classifier: the scores of row i are [x[i, 0], 0, 0], whatever it was
/// trained on. Records every dataset passed to <see cref="Fit"/> (shared log across instances).
/// </summary>
internal sealed class ScriptedModel(List<Dataset> fits) : IModel
{
    public void Fit(Dataset data, int epochs, Rng rng) =>
        fits.Add(new Dataset(data.X.Clone(), (int[])data.Y.Clone()));

    public Tensor Predict(Tensor x)
    {
        var scores = Tensor.Zeros(x.Dim(0), 3);
        for (int i = 0; i < x.Dim(0); i++) scores[i, 0] = x[i, 0];
        return scores;
    }
}
