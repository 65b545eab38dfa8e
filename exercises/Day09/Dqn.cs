namespace Course.Day09;

/// <summary>Exercise 9.7 — a small DQN: Q-network, target network, Huber TD loss, optional dueling head (lesson §9.7).</summary>
/// <remarks>
/// Plain: obs → 32 (ReLU) → actions; parameters [W1, b1, W2, b2]. Dueling: shared obs → 32 (ReLU), then V (1) and A
/// (actions), Q = V + A − mean(A); parameters [W1, b1, Wv, bv, Wa, ba]. The target network has the same shape and starts
/// as a copy of the online one; it changes only in <see cref="SyncTarget"/>.
/// </remarks>
public sealed class Dqn
{
    public Dqn(int observationSize, int actions, Rng rng, bool dueling = false)
    {
        ObservationSize = observationSize;
        Actions = actions;
        Dueling = dueling;
    }

    public int ObservationSize { get; }
    public int Actions { get; }
    public bool Dueling { get; }

    /// <summary>The online network's parameters (the ones <see cref="TrainStep"/> updates).</summary>
    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException(
        "Dqn.Parameters: the online network's Affine parameters (lesson §9.7).");

    /// <summary>The target network's parameters.</summary>
    public IReadOnlyList<Parameter> TargetParameters => throw new NotImplementedException(
        "Dqn.TargetParameters: a second network of the same shape, the frozen copy (lesson §9.7).");

    /// <summary>Online Q-values [N, actions] for observations [N, obs] (or [obs] → [1, actions]).</summary>
    public Tensor Q(Tensor observations) =>
        throw new NotImplementedException("Dqn.Q: forward pass of the online network (lesson §9.7).");

    /// <summary>Target-network Q-values [N, actions].</summary>
    public Tensor TargetQ(Tensor observations) =>
        throw new NotImplementedException("Dqn.TargetQ: forward pass of the target network (lesson §9.7).");

    /// <summary>yᵢ = rᵢ + γ (1 − doneᵢ) maxₐ' Q_target(s'ᵢ, a'): the target network supplies the bootstrap, terminal rows use r only.</summary>
    public double[] TdTargets(Batch batch, double gamma) =>
        throw new NotImplementedException(
            "Dqn.TdTargets: r + γ·max of the TARGET network's Q(s', ·), and r alone where done (lesson §9.7).");

    /// <summary>
    /// One gradient step on L = (1/N) Σ Huber(Q(sᵢ, aᵢ) − yᵢ), δ = 1, with y from <see cref="TdTargets"/> held fixed:
    /// the gradient flows only through Q(sᵢ, aᵢ) and is clip(Q − y, −1, 1)/N there. Returns L before the step.
    /// </summary>
    public double TrainStep(Batch batch, double gamma, IOptimizer opt) =>
        throw new NotImplementedException(
            "Dqn.TrainStep: gradient only at the chosen action, clip(Q − y, −1, 1)/N (Huber), backward through the online network, optimiser step (lesson §9.7).");

    /// <summary>Copies the online weights into the target network.</summary>
    public void SyncTarget() =>
        throw new NotImplementedException("Dqn.SyncTarget: copy every online weight into the target network (lesson §9.7).");

    /// <summary>ε-greedy on the online Q-values (ties → lowest index): one uniform draw, plus one integer when exploring.</summary>
    public int Act(Tensor observation, double epsilon, Rng rng) =>
        throw new NotImplementedException("Dqn.Act: ε-greedy on the online network's Q-values (lesson §9.7).");

    /// <summary>Q = V + A − mean over actions of A, for v [N, 1] and a [N, K] → [N, K].</summary>
    public static Tensor DuelingAggregate(Tensor v, Tensor a) =>
        throw new NotImplementedException("Dqn.DuelingAggregate: V + A − mean(A) row by row, so the mean of Q over actions is V (lesson §9.7).");

    /// <summary>Backward of <see cref="DuelingAggregate"/>: dV = Σₖ dQ [N, 1], dA = dQ − mean over actions of dQ [N, K].</summary>
    public static (Tensor dV, Tensor dA) DuelingBackward(Tensor dQ) =>
        throw new NotImplementedException("Dqn.DuelingBackward: dV sums dQ over actions; dA is dQ minus its row mean (lesson §9.7).");
}
