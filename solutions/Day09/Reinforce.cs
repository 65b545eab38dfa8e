using Course.Engine.Layers;

namespace Course.Day09;

/// <summary>Exercise 9.6 — REINFORCE (Monte-Carlo policy gradient) with normalised returns as the baseline (lesson §9.6).</summary>
/// <remarks>Policy network: obs → <c>hidden</c> (tanh) → ActionCount logits → softmax. Parameters: [W1, b1, W2, b2].</remarks>
public sealed class Reinforce
{
    private readonly Affine<double> _fc1, _fc2;
    private readonly Tanh<double> _tanh = new();

    /// <summary>A CartPole policy (4 observations, 2 actions) with Xavier-initialised weights drawn from <paramref name="rng"/>.</summary>
    public Reinforce(Rng rng, int hidden = 32) : this(4, 2, rng, hidden) { }

    /// <summary>A policy for any observation size and action count.</summary>
    public Reinforce(int observationSize, int actions, Rng rng, int hidden = 32)
    {
        _fc1 = new Affine<double>(observationSize, hidden, rng, WeightInit.Xavier);
        _fc2 = new Affine<double>(hidden, actions, rng, WeightInit.Xavier);
        Parameters = [.. _fc1.Parameters, .. _fc2.Parameters];
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Logits [T, actions] for observations [T, obs] (or one observation [obs] → [1, actions]).</summary>
    public Tensor Logits(Tensor observations)
    {
        var x = observations.Rank == 1 ? observations.Reshape(1, observations.Length) : observations;
        return _fc2.Forward(_tanh.Forward(_fc1.Forward(x)));
    }

    /// <summary>Samples a ~ π(·|s) with one uniform draw from <paramref name="rng"/>.</summary>
    public int Act(Tensor observation, Rng rng)
    {
        var p = Softmax(Logits(observation));
        double u = rng.NextDouble(), acc = 0;
        int k = p.Dim(1);
        for (int a = 0; a < k - 1; a++)
        {
            acc += p.Span[a];
            if (u < acc) return a;
        }
        return k - 1;
    }

    /// <summary>L = −(1/T) Σₜ log π(aₜ|sₜ)·Ĝₜ for logits [T, K]; log-softmax is computed stably.</summary>
    public static double EpisodeLoss(Tensor logits, int[] actions, double[] advantages)
    {
        int t = logits.Dim(0), k = logits.Dim(1);
        var z = logits.Span;
        double loss = 0;
        for (int i = 0; i < t; i++)
        {
            double max = double.NegativeInfinity;
            for (int a = 0; a < k; a++) max = Math.Max(max, z[i * k + a]);
            double sum = 0;
            for (int a = 0; a < k; a++) sum += Math.Exp(z[i * k + a] - max);
            double logP = z[i * k + actions[i]] - max - Math.Log(sum);
            loss -= logP * advantages[i];
        }
        return loss / t;
    }

    /// <summary>∂L/∂logits = (π − onehot(aₜ))·Ĝₜ / T, row by row.</summary>
    public static Tensor LogitGradient(Tensor logits, int[] actions, double[] advantages)
    {
        int t = logits.Dim(0), k = logits.Dim(1);
        var g = Softmax(logits);
        var d = g.Span;
        for (int i = 0; i < t; i++)
        {
            d[i * k + actions[i]] -= 1.0;
            for (int a = 0; a < k; a++) d[i * k + a] *= advantages[i] / t;
        }
        return g;
    }

    /// <summary>
    /// One policy-gradient step from a finished episode: Ĝ = Normalize(Discounted(rewards, γ)), forward all T observations
    /// as one batch, backprop <see cref="LogitGradient"/>, then <c>opt.Step</c>. Returns the loss before the step.
    /// </summary>
    public double UpdateFromEpisode(IReadOnlyList<Tensor> observations, IReadOnlyList<int> actions,
                                    IReadOnlyList<double> rewards, double gamma, IOptimizer opt)
    {
        int t = observations.Count;
        if (t == 0 || actions.Count != t || rewards.Count != t)
            throw new ArgumentException($"Reinforce.UpdateFromEpisode: need T ≥ 1 observations, actions and rewards, got {t}, {actions.Count}, {rewards.Count}.");
        int d = observations[0].Length;
        var x = new double[t * d];
        for (int i = 0; i < t; i++) observations[i].Span.CopyTo(x.AsSpan(i * d, d));
        var advantages = Returns.Normalize(Returns.Discounted(rewards, gamma));
        int[] a = [.. actions];
        var logits = Logits(Tensor.From(x, t, d));
        double loss = EpisodeLoss(logits, a, advantages);
        var dLogits = LogitGradient(logits, a, advantages);
        _fc1.Backward(_tanh.Backward(_fc2.Backward(dLogits)));
        opt.Step(Parameters);
        return loss;
    }

    /// <summary>
    /// Plays <paramref name="episodes"/> episodes (Reset and actions with <paramref name="rng"/>), updating after each one.
    /// Returns the undiscounted return of every episode (on CartPole: its length).
    /// </summary>
    public double[] Train(CartPole env, int episodes, double gamma, IOptimizer opt, Rng rng)
    {
        var returns = new double[episodes];
        var observations = new List<Tensor>();
        var actions = new List<int>();
        var rewards = new List<double>();
        for (int e = 0; e < episodes; e++)
        {
            observations.Clear(); actions.Clear(); rewards.Clear();
            var obs = env.Reset(rng);
            while (true)
            {
                int a = Act(obs, rng);
                var step = env.Step(a);
                observations.Add(obs);
                actions.Add(a);
                rewards.Add(step.Reward);
                obs = step.Observation;
                if (step.Done) break;
            }
            returns[e] = rewards.Sum();
            UpdateFromEpisode(observations, actions, rewards, gamma, opt);
        }
        return returns;
    }

    private static Tensor Softmax(Tensor logits)
    {
        int t = logits.Dim(0), k = logits.Dim(1);
        var p = logits.Clone();
        var s = p.Span;
        for (int i = 0; i < t; i++)
        {
            double max = double.NegativeInfinity;
            for (int a = 0; a < k; a++) max = Math.Max(max, s[i * k + a]);
            double sum = 0;
            for (int a = 0; a < k; a++) { s[i * k + a] = Math.Exp(s[i * k + a] - max); sum += s[i * k + a]; }
            for (int a = 0; a < k; a++) s[i * k + a] /= sum;
        }
        return p;
    }
}
