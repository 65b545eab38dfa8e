using Course.Engine.Layers;

namespace Course.Day09;

/// <summary>Exercise 9.7 — a small DQN: Q-network, target network, Huber TD loss, optional dueling head (lesson §9.7).</summary>
/// <remarks>
/// Plain: obs → 32 (ReLU) → actions; parameters [W1, b1, W2, b2]. Dueling: shared obs → 32 (ReLU), then V (1) and A
/// (actions), Q = V + A − mean(A); parameters [W1, b1, Wv, bv, Wa, ba]. The target network has the same shape and starts
/// as a copy of the online one; it changes only in <see cref="SyncTarget"/>.
/// </remarks>
public sealed class Dqn
{
    private const int Hidden = 32;
    private readonly Network _online, _target;

    public Dqn(int observationSize, int actions, Rng rng, bool dueling = false)
    {
        if (observationSize < 1 || actions < 1)
            throw new ArgumentOutOfRangeException(nameof(observationSize), $"Dqn: sizes must be positive, got {observationSize} observations, {actions} actions.");
        ObservationSize = observationSize;
        Actions = actions;
        Dueling = dueling;
        _online = new Network(observationSize, actions, dueling, rng);
        _target = new Network(observationSize, actions, dueling, rng);
        SyncTarget();
    }

    public int ObservationSize { get; }
    public int Actions { get; }
    public bool Dueling { get; }

    /// <summary>The online network's parameters (the ones <see cref="TrainStep"/> updates).</summary>
    public IReadOnlyList<Parameter> Parameters => _online.Parameters;

    /// <summary>The target network's parameters.</summary>
    public IReadOnlyList<Parameter> TargetParameters => _target.Parameters;

    /// <summary>Online Q-values [N, actions] for observations [N, obs] (or [obs] → [1, actions]).</summary>
    public Tensor Q(Tensor observations) => _online.Forward(AsBatch(observations));

    /// <summary>Target-network Q-values [N, actions].</summary>
    public Tensor TargetQ(Tensor observations) => _target.Forward(AsBatch(observations));

    /// <summary>yᵢ = rᵢ + γ (1 − doneᵢ) maxₐ' Q_target(s'ᵢ, a'): the target network supplies the bootstrap, terminal rows use r only.</summary>
    public double[] TdTargets(Batch batch, double gamma)
    {
        var q2 = TargetQ(batch.S2).Span;
        var y = new double[batch.Count];
        for (int i = 0; i < y.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int a = 0; a < Actions; a++) max = Math.Max(max, q2[i * Actions + a]);
            y[i] = batch.R[i] + (batch.Done[i] ? 0.0 : gamma * max);
        }
        return y;
    }

    /// <summary>
    /// One gradient step on L = (1/N) Σ Huber(Q(sᵢ, aᵢ) − yᵢ), δ = 1, with y from <see cref="TdTargets"/> held fixed:
    /// the gradient flows only through Q(sᵢ, aᵢ) and is clip(Q − y, −1, 1)/N there. Returns L before the step.
    /// </summary>
    public double TrainStep(Batch batch, double gamma, IOptimizer opt)
    {
        var y = TdTargets(batch, gamma);
        var q = _online.Forward(batch.S);
        int n = batch.Count;
        var dQ = Tensor.Zeros(n, Actions);
        var qs = q.Span;
        var d = dQ.Span;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double delta = qs[i * Actions + batch.A[i]] - y[i];
            double abs = Math.Abs(delta);
            loss += abs <= 1 ? 0.5 * delta * delta : abs - 0.5;
            d[i * Actions + batch.A[i]] = Math.Clamp(delta, -1.0, 1.0) / n;
        }
        _online.Backward(dQ);
        opt.Step(_online.Parameters);
        return loss / n;
    }

    /// <summary>Copies the online weights into the target network.</summary>
    public void SyncTarget()
    {
        for (int i = 0; i < _online.Parameters.Count; i++) _target.Parameters[i].Value.CopyFrom(_online.Parameters[i].Value);
    }

    /// <summary>ε-greedy on the online Q-values (ties → lowest index): one uniform draw, plus one integer when exploring.</summary>
    public int Act(Tensor observation, double epsilon, Rng rng)
    {
        if (rng.NextDouble() < epsilon) return rng.NextInt(Actions);
        var q = Q(observation).Span;
        int best = 0;
        for (int a = 1; a < Actions; a++) if (q[a] > q[best]) best = a;
        return best;
    }

    /// <summary>Q = V + A − mean over actions of A, for v [N, 1] and a [N, K] → [N, K].</summary>
    public static Tensor DuelingAggregate(Tensor v, Tensor a)
    {
        int n = a.Dim(0), k = a.Dim(1);
        if (v.Rank != 2 || v.Dim(0) != n || v.Dim(1) != 1)
            throw new ArgumentException($"Dqn.DuelingAggregate: V must have shape ({n}, 1), got {v.ShapeString}.", nameof(v));
        var q = a.Clone();
        var s = q.Span;
        for (int i = 0; i < n; i++)
        {
            double mean = 0;
            for (int j = 0; j < k; j++) mean += s[i * k + j];
            mean /= k;
            for (int j = 0; j < k; j++) s[i * k + j] += v.Span[i] - mean;
        }
        return q;
    }

    /// <summary>Backward of <see cref="DuelingAggregate"/>: dV = Σₖ dQ [N, 1], dA = dQ − mean over actions of dQ [N, K].</summary>
    public static (Tensor dV, Tensor dA) DuelingBackward(Tensor dQ)
    {
        int n = dQ.Dim(0), k = dQ.Dim(1);
        var dV = Tensor.Zeros(n, 1);
        var dA = dQ.Clone();
        var s = dA.Span;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++) sum += s[i * k + j];
            dV.Span[i] = sum;
            for (int j = 0; j < k; j++) s[i * k + j] -= sum / k;
        }
        return (dV, dA);
    }

    private Tensor AsBatch(Tensor observations)
    {
        var x = observations.Rank == 1 ? observations.Reshape(1, observations.Length) : observations;
        if (x.Rank != 2 || x.Dim(1) != ObservationSize)
            throw new ArgumentException($"Dqn: observations must have shape (N, {ObservationSize}), got {observations.ShapeString}.", nameof(observations));
        return x;
    }

    /// <summary>One Q-network (online or target).</summary>
    private sealed class Network
    {
        private readonly Affine<double> _fc1, _head, _value;
        private readonly Relu<double> _relu = new();
        private readonly bool _dueling;

        public Network(int observationSize, int actions, bool dueling, Rng rng)
        {
            _dueling = dueling;
            _fc1 = new Affine<double>(observationSize, Hidden, rng);
            _value = new Affine<double>(Hidden, 1, rng, WeightInit.Xavier);
            _head = new Affine<double>(Hidden, actions, rng, WeightInit.Xavier);
            Parameters = dueling ? [.. _fc1.Parameters, .. _value.Parameters, .. _head.Parameters] : [.. _fc1.Parameters, .. _head.Parameters];
        }

        public IReadOnlyList<Parameter> Parameters { get; }

        public Tensor Forward(Tensor x)
        {
            var h = _relu.Forward(_fc1.Forward(x));
            return _dueling ? DuelingAggregate(_value.Forward(h), _head.Forward(h)) : _head.Forward(h);
        }

        public void Backward(Tensor dQ)
        {
            Tensor dH;
            if (_dueling)
            {
                var (dV, dA) = DuelingBackward(dQ);
                dH = _value.Backward(dV) + _head.Backward(dA);
            }
            else dH = _head.Backward(dQ);
            _fc1.BackwardParameters(_relu.Backward(dH));
        }
    }
}
