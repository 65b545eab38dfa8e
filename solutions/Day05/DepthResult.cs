namespace Course.Day05;

/// <summary>Exercise 5.4 — what one depth-experiment run measured (lesson §5.4).</summary>
/// <param name="EpochLoss">Mean training loss of each epoch, first to last.</param>
/// <param name="TestAccuracy">Accuracy on the digits test split after the last epoch, in [0, 1].</param>
/// <param name="FirstLayerGradNorm">‖∂L/∂W‖ (Frobenius) of the first hidden layer (64 → 32) in the last training step.</param>
public sealed record DepthResult(double[] EpochLoss, double TestAccuracy, double FirstLayerGradNorm);
