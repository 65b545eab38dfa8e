namespace Cert.Technical;

/// <summary>T5: Double-DQN target yᵢ = rᵢ + γ(1 − doneᵢ)·Q_target(s′ᵢ, a*ᵢ).</summary>
/// <remarks>qOnlineNext and qTargetNext are (N, A) values of the next states. The first index wins a tie.</remarks>
public static class DoubleDqnTarget
{
    public static double[] Compute(double[] rewards, bool[] done, Tensor qOnlineNext, Tensor qTargetNext, double gamma) =>
        throw new NotImplementedException("DoubleDqnTarget.Compute: one network chooses the action a* = argmax, the other one values it; which is which is the point of Double DQN. No bootstrap where done.");
}
