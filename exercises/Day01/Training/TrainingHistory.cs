namespace Course.Day01;

/// <summary>Exercise 1.7 — what <see cref="Trainer.Train"/> records, one entry per epoch (lesson §1.7).</summary>
/// <param name="Loss">Mean loss over the whole training set after the epoch.</param>
/// <param name="TrainAccuracy">Accuracy on the whole training set after the epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test set after the epoch.</param>
public sealed record TrainingHistory(IReadOnlyList<double> Loss, IReadOnlyList<double> TrainAccuracy,
                                     IReadOnlyList<double> TestAccuracy);
