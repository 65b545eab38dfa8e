namespace Course.Engine.Environments;

/// <summary>An episodic environment driven one action at a time (gym style).</summary>
/// <remarks>Reset starts an episode with the caller's Rng (stored for any randomness inside Step); Step after the episode
/// ended throws <see cref="InvalidOperationException"/> until the next Reset.</remarks>
public interface IEnvironment
{
    /// <summary>Length of the observation vector.</summary>
    int ObservationSize { get; }

    /// <summary>Actions are 0 … ActionCount − 1.</summary>
    int ActionCount { get; }

    /// <summary>Starts an episode; returns the first observation [ObservationSize].</summary>
    Tensor<double> Reset(Rng rng);

    /// <summary>Applies one action.</summary>
    StepResult Step(int action);
}

/// <summary>What one step returns: the next observation, the reward, and whether the episode ended by failure/success
/// (<paramref name="Terminated"/>) or by the step cap (<paramref name="Truncated"/>).</summary>
public readonly record struct StepResult(Tensor<double> Observation, double Reward, bool Terminated, bool Truncated)
{
    /// <summary>True when the episode is over for either reason.</summary>
    public bool Done => Terminated || Truncated;
}
