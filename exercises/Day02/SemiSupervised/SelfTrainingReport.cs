namespace Course.Day02;

/// <summary>What self-training achieved.</summary>
/// <param name="BaselineAccuracy">Test accuracy of the model trained on the labelled set only.</param>
/// <param name="FinalAccuracy">Test accuracy of the model of the last round.</param>
/// <param name="SelectedPerRound">Number of pseudo-labelled rows used in each round (one entry per round).</param>
/// <param name="PseudoLabelAccuracy">Precision of the confident predictions (max probability ≥ threshold) of the model
/// that chose the last round's pseudo-labels, measured on the test set: an estimate of pseudo-label correctness that
/// needs no labels for the unlabelled pool (NaN if none of the test rows is confident).</param>
public sealed record SelfTrainingReport(double BaselineAccuracy, double FinalAccuracy,
                                        IReadOnlyList<int> SelectedPerRound, double PseudoLabelAccuracy);
