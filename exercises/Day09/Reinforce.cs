namespace Course.Day09;

/// <summary>Exercise 9.6 — REINFORCE (Monte-Carlo policy gradient) with normalised returns as the baseline (lesson §9.6).</summary>
/// <remarks>Policy network: obs → <c>hidden</c> (tanh) → ActionCount logits → softmax. Parameters: [W1, b1, W2, b2].</remarks>
public sealed class Reinforce
{
    /// <summary>A CartPole policy (4 observations, 2 actions) with Xavier-initialised weights drawn from <paramref name="rng"/>.</summary>
    public Reinforce(Rng rng, int hidden = 32) : this(4, 2, rng, hidden) { }

    /// <summary>A policy for any observation size and action count.</summary>
    public Reinforce(int observationSize, int actions, Rng rng, int hidden = 32) =>
        throw new NotImplementedException(
            "Reinforce: build Affine(obs → hidden, Xavier), Tanh, Affine(hidden → actions, Xavier) from the engine (lesson §9.6).");

    public IReadOnlyList<Parameter> Parameters => throw new NotImplementedException(
        "Reinforce.Parameters: the two Affine layers' parameters, [W1, b1, W2, b2] (lesson §9.6).");

    /// <summary>Logits [T, actions] for observations [T, obs] (or one observation [obs] → [1, actions]).</summary>
    public Tensor Logits(Tensor observations) =>
        throw new NotImplementedException("Reinforce.Logits: the forward pass of the policy network (lesson §9.6).");

    /// <summary>Samples a ~ π(·|s) with one uniform draw from <paramref name="rng"/>.</summary>
    public int Act(Tensor observation, Rng rng) =>
        throw new NotImplementedException(
            "Reinforce.Act: softmax of the logits, then one uniform draw walked through the cumulative probabilities (lesson §9.6).");

    /// <summary>L = −(1/T) Σₜ log π(aₜ|sₜ)·Ĝₜ for logits [T, K]; log-softmax is computed stably.</summary>
    public static double EpisodeLoss(Tensor logits, int[] actions, double[] advantages) =>
        throw new NotImplementedException(
            "Reinforce.EpisodeLoss: minus the mean over steps of log π(aₜ|sₜ) times the normalised return (lesson §9.6).");

    /// <summary>∂L/∂logits = (π − onehot(aₜ))·Ĝₜ / T, row by row.</summary>
    public static Tensor LogitGradient(Tensor logits, int[] actions, double[] advantages) =>
        throw new NotImplementedException(
            "Reinforce.LogitGradient: the softmax-cross-entropy gradient (π − onehot) weighted by Ĝₜ/T — mind the sign (lesson §9.6).");

    /// <summary>
    /// One policy-gradient step from a finished episode: Ĝ = Normalize(Discounted(rewards, γ)), forward all T observations
    /// as one batch, backprop <see cref="LogitGradient"/>, then <c>opt.Step</c>. Returns the loss before the step.
    /// </summary>
    public double UpdateFromEpisode(IReadOnlyList<Tensor> observations, IReadOnlyList<int> actions,
                                    IReadOnlyList<double> rewards, double gamma, IOptimizer opt) =>
        throw new NotImplementedException(
            "Reinforce.UpdateFromEpisode: returns → normalise (baseline) → forward → logit gradient → backward → optimiser step (lesson §9.6).");

    /// <summary>
    /// Plays <paramref name="episodes"/> episodes (Reset and actions with <paramref name="rng"/>), updating after each one.
    /// Returns the undiscounted return of every episode (on CartPole: its length).
    /// </summary>
    public double[] Train(CartPole env, int episodes, double gamma, IOptimizer opt, Rng rng) =>
        throw new NotImplementedException(
            "Reinforce.Train: play a whole episode with Act, record (s, a, r), then one UpdateFromEpisode; repeat (lesson §9.6).");
}
