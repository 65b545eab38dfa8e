namespace Course.Day02;

/// <summary>Early stopping on a validation loss (lesson §2.4): remember the best epoch's parameters, stop after
/// <c>patience</c> epochs without improvement, and put the best parameters back.</summary>
public sealed class EarlyStopping
{
    /// <param name="patience">Epochs in a row without improvement that stop training (≥ 1).</param>
    /// <param name="minDelta">An epoch improves only if its loss is below best − minDelta.</param>
    public EarlyStopping(int patience, double minDelta = 0.0) =>
        throw new NotImplementedException(
            "EarlyStopping(patience, minDelta): keep both in fields and start with best loss +∞, BestEpoch −1, no snapshot (lesson §2.4).");

    /// <summary>0-based index of the call that recorded the best loss so far; −1 before the first improvement.</summary>
    public int BestEpoch => throw new NotImplementedException(
        "EarlyStopping.BestEpoch: return the 0-based index of the ShouldStop call with the best loss so far, −1 before any (lesson §2.4).");

    /// <summary>Records one epoch's validation loss; on improvement (loss &lt; best − minDelta; NaN never improves)
    /// snapshots copies of the parameter values. Returns true once <c>patience</c> epochs in a row brought no improvement.</summary>
    public bool ShouldStop(double validationLoss, IReadOnlyList<Parameter> ps) =>
        throw new NotImplementedException(
            "EarlyStopping.ShouldStop: if loss < best − minDelta, remember it, its epoch and Clone()s of every Value and reset the counter; else count one more bad epoch; return counter ≥ patience (lesson §2.4).");

    /// <summary>Copies the best epoch's values back into the parameters' existing tensors (values, not references).</summary>
    public void RestoreBest(IReadOnlyList<Parameter> ps) =>
        throw new NotImplementedException(
            "EarlyStopping.RestoreBest: copy the snapshot taken at BestEpoch back into each ps[i].Value (CopyFrom, values not references) (lesson §2.4).");
}
