namespace Cert.Technical;

/// <summary>
/// T5 variant double-dqn: yᵢ = rᵢ + γ(1 − doneᵢ)·Q_target(s′ᵢ, a*ᵢ) with a*ᵢ = argmax_a Q_online(s′ᵢ, a): the online
/// network chooses the action, the target network values it (the first index wins a tie).
/// </summary>
public static class DoubleDqnTarget
{
    /// <param name="qOnlineNext">(N, A) online-network values of the next states.</param>
    /// <param name="qTargetNext">(N, A) target-network values of the same states.</param>
    public static double[] Compute(double[] rewards, bool[] done, Tensor qOnlineNext, Tensor qTargetNext, double gamma)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(done);
        if (qOnlineNext.Rank != 2 || !qOnlineNext.SameShape(qTargetNext) || qOnlineNext.Dim(0) != rewards.Length || done.Length != rewards.Length)
            throw new ArgumentException($"DoubleDqnTarget: expected rewards (N), done (N), two (N, A) tables; got ({rewards.Length}), ({done.Length}), {qOnlineNext.ShapeString}, {qTargetNext.ShapeString}.");
        int n = rewards.Length, actions = qOnlineNext.Dim(1);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int a = 1; a < actions; a++) if (qOnlineNext[i, a] > qOnlineNext[i, best]) best = a;
            y[i] = rewards[i] + (done[i] ? 0 : gamma * qTargetNext[i, best]);
        }
        return y;
    }
}
