namespace Course.Day02;

/// <summary>Parameter-norm penalties (lesson §2.3): L2 weight decay ½λΣW² and L1 λΣ|W|, with their gradient terms.</summary>
/// <remarks>
/// The penalty is added to the data loss, so its gradient is added to each weight's <see cref="Parameter{T}.Grad"/>
/// after Backward and before the optimiser step. Biases (and BatchNorm's γ/β) are usually not decayed:
/// pass <see cref="WeightsOnly"/>'s result.
/// </remarks>
public static class Penalties
{
    /// <summary>½ λ Σ W² over every element of every parameter.</summary>
    public static double L2(IEnumerable<Parameter> weights, double lambda) =>
        throw new NotImplementedException(
            "Penalties.L2: return ½·λ·Σ W² summed over every element of every parameter's Value (a double; 0 for an empty list) (lesson §2.3).");

    /// <summary>Grad += λ W for every parameter (the derivative of ½λW²); Value is not touched.</summary>
    public static void AddL2Gradient(IEnumerable<Parameter> weights, double lambda) =>
        throw new NotImplementedException(
            "Penalties.AddL2Gradient: add λ·W element-wise to each parameter's Grad (the derivative of ½λW², not 2λW); leave Value alone (lesson §2.3).");

    /// <summary>λ Σ |W| over every element of every parameter.</summary>
    public static double L1(IEnumerable<Parameter> weights, double lambda) =>
        throw new NotImplementedException(
            "Penalties.L1: return λ·Σ |W| over every element of every parameter's Value (a double; 0 for an empty list) (lesson §2.3).");

    /// <summary>Grad += λ sign(W), with sign(0) = 0 (the subgradient that leaves exact zeros alone).</summary>
    public static void AddL1Gradient(IEnumerable<Parameter> weights, double lambda) =>
        throw new NotImplementedException(
            "Penalties.AddL1Gradient: add λ·sign(W) element-wise to each parameter's Grad, with sign(0) = 0 (lesson §2.3).");

    /// <summary>The parameters whose name starts with "W" (weights); biases "b" and BatchNorm's γ/β are left out.</summary>
    public static IEnumerable<Parameter> WeightsOnly(IEnumerable<Parameter> ps) =>
        throw new NotImplementedException(
            "Penalties.WeightsOnly: return the parameters whose Name starts with \"W\" (weights), dropping biases \"b\" and γ/β (lesson §2.3).");
}
