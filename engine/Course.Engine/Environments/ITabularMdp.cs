namespace Course.Engine.Environments;

/// <summary>A finite MDP with an explicit model, for dynamic programming (value and policy iteration).</summary>
/// <remarks>
/// AIMA convention: V(s) = R(s) + γ·maxₐ Σ P(s'|s, a)·V(s') for non-terminal s; a terminal state's value is
/// <see cref="TerminalValue"/> and never changes.
/// </remarks>
public interface ITabularMdp
{
    int States { get; }
    int Actions { get; }
    bool IsTerminal(int s);

    /// <summary>P(s'|s, a) as (next state, probability) pairs with probability &gt; 0, summing to 1.</summary>
    IReadOnlyList<(int Next, double Probability)> Transitions(int s, int a);

    /// <summary>R(s), the reward for being in (leaving) non-terminal state s.</summary>
    double Reward(int s);

    /// <summary>The fixed value of terminal state s (0 for non-terminal states).</summary>
    double TerminalValue(int s);
}
