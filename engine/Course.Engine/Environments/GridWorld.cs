namespace Course.Engine.Environments;

/// <summary>A grid world (AIMA ch. 17 / Sutton–Barto ch. 4) usable both as an explicit MDP and as an episodic environment.</summary>
/// <remarks>
/// Cells are (col, row) with col 1 … W left→right and row 1 … H bottom→top (AIMA's coordinates). States number the
/// non-wall cells in reading order: top row first, left to right (so the 4×4 grid's state 0 is its top-left corner).
/// Actions <see cref="GridAction"/> Up/Down/Left/Right. A move succeeds with probability <c>intended</c> and slips to each
/// perpendicular direction with (1 − intended)/2; moving into a wall or off the grid stays put.
/// As an environment: observations are one-hot [States]; the reward of a step from s to s' is R(s), plus the terminal
/// value when s' is terminal; episodes end at a terminal (Terminated) or after <c>maxSteps</c> steps (Truncated).
/// </remarks>
public sealed class GridWorld : ITabularMdp, IEnvironment
{
    private readonly int[,] _stateOfCell;            // [col-1, row-1] → state or -1 for a wall
    private readonly (int Col, int Row)[] _cells;
    private readonly double[] _terminalValue;
    private readonly bool[] _terminal;
    private readonly (int Col, int Row)? _start;
    private readonly List<(int Next, double Probability)>[,] _transitions;
    private Rng? _rng;
    private int _state = -1;
    private int _steps;
    private bool _done = true;

    public GridWorld(int width, int height, IEnumerable<(int Col, int Row)> walls,
                     IReadOnlyDictionary<(int Col, int Row), double> terminals, double stepReward,
                     double intendedProbability = 1.0, (int Col, int Row)? start = null, int maxSteps = 100)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"GridWorld: size {width}×{height} must be positive.");
        if (intendedProbability is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(intendedProbability), $"GridWorld: intended probability {intendedProbability} is not in [0, 1].");
        Width = width;
        Height = height;
        StepReward = stepReward;
        IntendedProbability = intendedProbability;
        MaxSteps = maxSteps;
        var wallSet = new HashSet<(int, int)>(walls);
        _stateOfCell = new int[width, height];
        var cells = new List<(int, int)>();
        for (int row = height; row >= 1; row--)
        for (int col = 1; col <= width; col++)
        {
            if (wallSet.Contains((col, row))) { _stateOfCell[col - 1, row - 1] = -1; continue; }
            _stateOfCell[col - 1, row - 1] = cells.Count;
            cells.Add((col, row));
        }
        _cells = [.. cells];
        _terminal = new bool[_cells.Length];
        _terminalValue = new double[_cells.Length];
        foreach (var (cell, value) in terminals)
        {
            int s = StateOf(cell.Col, cell.Row);
            _terminal[s] = true;
            _terminalValue[s] = value;
        }
        if (start is { } st && IsTerminal(StateOf(st.Col, st.Row)))
            throw new ArgumentException($"GridWorld: start cell ({st.Col}, {st.Row}) is terminal.");
        _start = start;
        _transitions = new List<(int, double)>[_cells.Length, 4];
        for (int s = 0; s < _cells.Length; s++)
        for (int a = 0; a < 4; a++)
            _transitions[s, a] = BuildTransitions(s, (GridAction)a);
    }

    /// <summary>
    /// AIMA's 4×3 world: wall (2,2), +1 at (4,3), −1 at (4,2), R = −0.04, moves succeed with 0.8 and slip ±90° with 0.1
    /// each (pass <paramref name="intendedProbability"/> 1 for a deterministic version); episodes start at (1,1).
    /// </summary>
    public static GridWorld Aima4x3(double intendedProbability = 0.8, int maxSteps = 100)
        => new(4, 3, [(2, 2)], new Dictionary<(int, int), double> { [(4, 3)] = 1.0, [(4, 2)] = -1.0 }, -0.04,
               intendedProbability, start: (1, 1), maxSteps: maxSteps);

    /// <summary>Sutton–Barto's 4×4 grid: terminals in the top-left and bottom-right corners (value 0), R = −1 per move,
    /// deterministic; episodes start in a random non-terminal cell.</summary>
    public static GridWorld Corners4x4(int maxSteps = 100)
        => new(4, 4, [], new Dictionary<(int, int), double> { [(1, 4)] = 0.0, [(4, 1)] = 0.0 }, -1.0, 1.0, start: null, maxSteps: maxSteps);

    public int Width { get; }
    public int Height { get; }
    public double StepReward { get; }
    public double IntendedProbability { get; }
    public int MaxSteps { get; }
    public int States => _cells.Length;
    public int Actions => 4;
    public int ObservationSize => States;
    public int ActionCount => 4;

    /// <summary>The current state of the running episode (−1 before the first Reset).</summary>
    public int State => _state;

    /// <summary>State index of cell (col, row), 1-based AIMA coordinates.</summary>
    public int StateOf(int col, int row)
    {
        if (col < 1 || col > Width || row < 1 || row > Height || _stateOfCell[col - 1, row - 1] < 0)
            throw new ArgumentOutOfRangeException(nameof(col), $"GridWorld: ({col}, {row}) is not a free cell of the {Width}×{Height} grid.");
        return _stateOfCell[col - 1, row - 1];
    }

    /// <summary>The (col, row) cell of state <paramref name="s"/>.</summary>
    public (int Col, int Row) CellOf(int s) => _cells[s];

    public bool IsTerminal(int s) => _terminal[s];
    public double Reward(int s) => _terminal[s] ? 0.0 : StepReward;
    public double TerminalValue(int s) => _terminalValue[s];
    public IReadOnlyList<(int Next, double Probability)> Transitions(int s, int a)
    {
        if ((uint)a >= 4u) throw new ArgumentOutOfRangeException(nameof(a), $"GridWorld: action {a} is not in [0, 4).");
        return _transitions[s, a];
    }

    public Tensor<double> Reset(Rng rng)
    {
        _rng = rng;
        if (_start is { } st) _state = StateOf(st.Col, st.Row);
        else
        {
            int nonTerminal = _terminal.Count(t => !t);
            int k = rng.NextInt(nonTerminal);
            _state = Enumerable.Range(0, States).Where(s => !_terminal[s]).ElementAt(k);
        }
        _steps = 0;
        _done = false;
        return Observation(_state);
    }

    /// <summary>Starts an episode in a chosen non-terminal state (for tests and exploring starts).</summary>
    public Tensor<double> ResetTo(int state, Rng rng)
    {
        if (IsTerminal(state)) throw new ArgumentException($"GridWorld: cannot start in terminal state {state}.");
        Reset(rng);
        _state = state;
        return Observation(state);
    }

    public StepResult Step(int action)
    {
        if (_done) throw new InvalidOperationException("GridWorld.Step called after the episode ended (or before Reset); call Reset first.");
        var outcomes = Transitions(_state, action);
        int next = outcomes[^1].Next;
        double u = _rng!.NextDouble(), acc = 0;
        foreach (var (s2, p) in outcomes)
        {
            acc += p;
            if (u < acc) { next = s2; break; }
        }
        double reward = Reward(_state) + (IsTerminal(next) ? TerminalValue(next) : 0.0);
        _state = next;
        _steps++;
        bool terminated = IsTerminal(next);
        bool truncated = !terminated && _steps >= MaxSteps;
        _done = terminated || truncated;
        return new StepResult(Observation(next), reward, terminated, truncated);
    }

    /// <summary>One-hot vector [States] for state <paramref name="s"/>.</summary>
    public Tensor<double> Observation(int s)
    {
        var o = Tensor<double>.Zeros(States);
        o.Span[s] = 1.0;
        return o;
    }

    private List<(int, double)> BuildTransitions(int s, GridAction a)
    {
        var result = new List<(int, double)>();
        if (_terminal[s]) { result.Add((s, 1.0)); return result; }
        double slip = (1.0 - IntendedProbability) / 2;
        var (left, right) = a is GridAction.Up or GridAction.Down ? (GridAction.Left, GridAction.Right) : (GridAction.Up, GridAction.Down);
        foreach (var (dir, p) in new[] { (a, IntendedProbability), (left, slip), (right, slip) })
        {
            if (p <= 0) continue;
            int next = Move(s, dir);
            int i = result.FindIndex(e => e.Item1 == next);
            if (i >= 0) result[i] = (next, result[i].Item2 + p);
            else result.Add((next, p));
        }
        return result;
    }

    private int Move(int s, GridAction a)
    {
        var (col, row) = _cells[s];
        (col, row) = a switch
        {
            GridAction.Up => (col, row + 1),
            GridAction.Down => (col, row - 1),
            GridAction.Left => (col - 1, row),
            _ => (col + 1, row),
        };
        if (col < 1 || col > Width || row < 1 || row > Height || _stateOfCell[col - 1, row - 1] < 0) return s;
        return _stateOfCell[col - 1, row - 1];
    }
}
