namespace Course.Notebooks.Execution;

/// <summary>
/// The running cell's interrupt, checked by the loop guards <see cref="InterruptibleLoops"/>
/// inserts. Static so that loops in static methods and in types declared in a cell can reach it;
/// cells run one at a time per process (see <see cref="CellExecutor"/>), so one current token suffices.
/// </summary>
public static class CellInterrupt
{
    private static volatile CancellationTokenSource? current;

    /// <summary>Called by instrumented cell code at the top of every loop iteration.</summary>
    public static void ThrowIfRequested()
    {
        if (current is { IsCancellationRequested: true } source) throw new OperationCanceledException("The cell was interrupted.", source.Token);
    }

    internal static void Set(CancellationTokenSource? source) => current = source;
}
