using System.Diagnostics;

namespace Course.Technical.Tests;

/// <summary>
/// One T6 run per test process, shared by the band tests: TrainBest on the train split only (seeded), stopped waiting
/// after 90 s, then accuracy on the held-out shifted and noisy test digits.
/// </summary>
public sealed class T6ModelRun
{
    public static readonly TimeSpan TrainingLimit = TimeSpan.FromSeconds(90);

    public T6ModelRun()
    {
        var (train, _) = Digits.LoadImages();
        var watch = Stopwatch.StartNew();
        var training = Task.Run(() => OpenModel.TrainBest(train, new Rng(20261210)));
        try
        {
            if (!training.Wait(TrainingLimit)) { Problem = $"TrainBest did not return within {TrainingLimit.TotalSeconds:0} s"; return; }
        }
        catch (AggregateException e)
        {
            Problem = $"TrainBest threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}";
            return;
        }
        TrainingSeconds = watch.Elapsed.TotalSeconds;
        var model = training.Result;
        if (model is null) { Problem = "TrainBest returned null"; return; }
        var held = T6HeldOutSet.Build();
        Tensor scores;
        try { scores = model.Predict(held.X); }
        catch (Exception e) { Problem = $"Predict threw {e.GetType().Name}: {e.Message}"; return; }
        if (scores.Rank != 2 || scores.Dim(0) != held.Count || scores.Dim(1) != 10) { Problem = $"Predict returned {scores.ShapeString}, expected ({held.Count}, 10)"; return; }
        var s = scores.Span;
        int correct = 0;
        for (int i = 0; i < held.Count; i++)
        {
            int best = 0;
            for (int c = 1; c < 10; c++) if (s[i * 10 + c] > s[i * 10 + best]) best = c;
            if (best == held.Y[i]) correct++;
        }
        Accuracy = (double)correct / held.Count;
    }

    public double Accuracy { get; }
    public double TrainingSeconds { get; }
    public string? Problem { get; }

    public string Because => Problem ?? $"held-out accuracy {Accuracy:0.0000} after {TrainingSeconds:0.0} s of training";
}
