namespace Course.Engine.Environments;

/// <summary>Cart-pole balancing with gym's classic-control physics (CartPole-v1's equations, explicit Euler).</summary>
/// <remarks>
/// State/observation [x, ẋ, θ, θ̇]. Action 0 pushes left, 1 pushes right, with a force of 10 N. Each step (τ = 0.02 s):
/// temp = (F + mₚl·θ̇²·sin θ)/M; θ̈ = (g·sin θ − cos θ·temp)/(l·(4/3 − mₚcos²θ/M)); ẍ = temp − mₚl·θ̈·cos θ/M;
/// then x += τẋ, ẋ += τẍ, θ += τθ̇, θ̇ += τθ̈ (g 9.8, cart 1.0, pole 0.1, half-length l 0.5, M = 1.1).
/// Reward 1 per step, including the failing one. Terminated when |θ| &gt; 12° (0.2095 rad) or |x| &gt; 2.4;
/// truncated after <c>maxSteps</c> (200, the course's cap; gym's v1 uses 500). Reset draws the four values uniformly
/// from [−0.05, 0.05) with the given Rng. Step after the episode ended throws.
/// </remarks>
public sealed class CartPole : IEnvironment
{
    public const double Gravity = 9.8;
    public const double MassCart = 1.0;
    public const double MassPole = 0.1;
    public const double TotalMass = MassCart + MassPole;
    public const double HalfLength = 0.5;
    public const double PoleMassLength = MassPole * HalfLength;
    public const double ForceMagnitude = 10.0;
    public const double Tau = 0.02;
    public const double ThetaThreshold = 12 * 2 * Math.PI / 360;
    public const double XThreshold = 2.4;

    private readonly double[] _state = new double[4];
    private bool _done = true;

    public CartPole(int maxSteps = 200)
    {
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), $"CartPole: maxSteps must be positive, got {maxSteps}.");
        MaxSteps = maxSteps;
    }

    public int MaxSteps { get; }
    public int ObservationSize => 4;
    public int ActionCount => 2;

    /// <summary>Steps taken in the current episode.</summary>
    public int Steps { get; private set; }

    /// <summary>A copy of the current state [x, ẋ, θ, θ̇].</summary>
    public double[] State => (double[])_state.Clone();

    public Tensor<double> Reset(Rng rng)
    {
        for (int i = 0; i < 4; i++) _state[i] = rng.NextDouble(-0.05, 0.05);
        Steps = 0;
        _done = false;
        return Observation();
    }

    /// <summary>Starts an episode from a given state (for tests and demonstrations).</summary>
    public Tensor<double> ResetTo(double x, double xDot, double theta, double thetaDot)
    {
        _state[0] = x; _state[1] = xDot; _state[2] = theta; _state[3] = thetaDot;
        Steps = 0;
        _done = false;
        return Observation();
    }

    public StepResult Step(int action)
    {
        if (_done) throw new InvalidOperationException("CartPole.Step called after the episode ended (or before Reset); call Reset first.");
        if (action is not (0 or 1)) throw new ArgumentOutOfRangeException(nameof(action), $"CartPole: action must be 0 (left) or 1 (right), got {action}.");
        double x = _state[0], xDot = _state[1], theta = _state[2], thetaDot = _state[3];
        double force = action == 1 ? ForceMagnitude : -ForceMagnitude;
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        double temp = (force + PoleMassLength * thetaDot * thetaDot * sin) / TotalMass;
        double thetaAcc = (Gravity * sin - cos * temp) / (HalfLength * (4.0 / 3.0 - MassPole * cos * cos / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        x += Tau * xDot;
        xDot += Tau * xAcc;
        theta += Tau * thetaDot;
        thetaDot += Tau * thetaAcc;
        _state[0] = x; _state[1] = xDot; _state[2] = theta; _state[3] = thetaDot;
        Steps++;
        bool terminated = x < -XThreshold || x > XThreshold || theta < -ThetaThreshold || theta > ThetaThreshold;
        bool truncated = !terminated && Steps >= MaxSteps;
        _done = terminated || truncated;
        return new StepResult(Observation(), 1.0, terminated, truncated);
    }

    private Tensor<double> Observation() => Tensor<double>.From((double[])_state.Clone(), 4);
}
