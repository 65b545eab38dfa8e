namespace Course.Day02;

/// <summary>Early stopping on a validation loss (lesson §2.4): remember the best epoch's parameters, stop after
/// <c>patience</c> epochs without improvement, and put the best parameters back.</summary>
public sealed class EarlyStopping
{
    private readonly int _patience;
    private readonly double _minDelta;
    private double _best = double.PositiveInfinity;
    private int _epoch = -1;
    private int _epochsWithoutImprovement;
    private Tensor[]? _snapshot;

    /// <param name="patience">Epochs in a row without improvement that stop training (≥ 1).</param>
    /// <param name="minDelta">An epoch improves only if its loss is below best − minDelta.</param>
    public EarlyStopping(int patience, double minDelta = 0.0)
    {
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(patience), $"EarlyStopping: patience must be ≥ 1, got {patience}.");
        if (minDelta < 0) throw new ArgumentOutOfRangeException(nameof(minDelta), $"EarlyStopping: minDelta must be ≥ 0, got {minDelta}.");
        _patience = patience;
        _minDelta = minDelta;
    }

    /// <summary>0-based index of the call that recorded the best loss so far; −1 before the first improvement.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>Records one epoch's validation loss; on improvement (loss &lt; best − minDelta; NaN never improves)
    /// snapshots copies of the parameter values. Returns true once <c>patience</c> epochs in a row brought no improvement.</summary>
    public bool ShouldStop(double validationLoss, IReadOnlyList<Parameter> ps)
    {
        _epoch++;
        if (validationLoss < _best - _minDelta)
        {
            _best = validationLoss;
            BestEpoch = _epoch;
            _snapshot = ps.Select(p => p.Value.Clone()).ToArray();
            _epochsWithoutImprovement = 0;
        }
        else
        {
            _epochsWithoutImprovement++;
        }
        return _epochsWithoutImprovement >= _patience;
    }

    /// <summary>Copies the best epoch's values back into the parameters' existing tensors (values, not references).</summary>
    public void RestoreBest(IReadOnlyList<Parameter> ps)
    {
        var snapshot = _snapshot ?? throw new InvalidOperationException("EarlyStopping.RestoreBest: no epoch has improved yet, nothing to restore.");
        if (snapshot.Length != ps.Count)
            throw new ArgumentException($"EarlyStopping.RestoreBest: snapshot holds {snapshot.Length} parameters, got {ps.Count}.", nameof(ps));
        for (int i = 0; i < ps.Count; i++) ps[i].Value.CopyFrom(snapshot[i]);
    }
}
