namespace Course.Engine.Environments;

/// <summary>Sutton–Barto's cliff-walking grid (example 6.6), the classic case where SARSA and Q-learning learn different paths.</summary>
/// <remarks>
/// 12×4 cells, start (1,1) bottom-left, goal (12,1) bottom-right (terminal, value 0), the cliff (2,1) … (11,1) in between,
/// R = −1 per move, deterministic moves. Unlike the book, where falling sends the agent back to the start, the cliff
/// cells here are terminal with value −100, so a step into the cliff earns −1 − 100 = −101 and ends the episode: the
/// same lesson (the safe path is longer but avoids the big loss) inside <see cref="GridWorld"/>'s terminal model.
/// The shortest path (up, 11 × right, down) is worth −13 with γ = 1.
/// </remarks>
public static class CliffWalking
{
    public const int Width = 12;
    public const int Height = 4;
    public const double CliffValue = -100.0;

    /// <summary>The cliff grid; <paramref name="maxSteps"/> caps an episode (wandering agents early in training).</summary>
    public static GridWorld Create(int maxSteps = 200)
    {
        var terminals = new Dictionary<(int, int), double> { [(Width, 1)] = 0.0 };
        for (int col = 2; col < Width; col++) terminals[(col, 1)] = CliffValue;
        return new GridWorld(Width, Height, [], terminals, -1.0, 1.0, start: (1, 1), maxSteps: maxSteps);
    }

    /// <summary>True for the cliff cells (not the goal).</summary>
    public static bool IsCliff(GridWorld grid, int s)
    {
        var (col, row) = grid.CellOf(s);
        return row == 1 && col > 1 && col < Width;
    }
}
