namespace Course.Day02;

/// <summary>One row of the overfitting table: final accuracies (inference mode) and Σ‖W‖² over the weight matrices.</summary>
public sealed record StudyRow(double TrainAccuracy, double TestAccuracy, double SumSquaredWeights);
