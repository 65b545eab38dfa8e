namespace Course.Certification.Technical;

/// <summary>One variant of a technical-test task: its exercise id (the tests' Exercise trait), the learner file, the
/// public-test file and the engine classes the policy scan forbids for it.</summary>
/// <remarks>T6 has no public tests (its 25 points are bands of held-out accuracy) and one support file, IModel.cs.</remarks>
public sealed record TechnicalVariant(string Task, string Id, string File, string? PublicTests, IReadOnlyList<string> ForbiddenEngineApis,
    double Points = TechnicalPools.PointsPerTask, IReadOnlyList<string>? SupportFiles = null)
{
    /// <summary>The learner files of this variant: its task file and the files it needs beside it.</summary>
    public IEnumerable<string> Files => SupportFiles is null ? [File] : SupportFiles.Prepend(File);

    /// <summary>The tests' [Trait("Exercise", …)] value, e.g. T1.leaky-relu.</summary>
    public string ExerciseId => $"{Task}.{Id}";
}

/// <summary>
/// The task pools of the technical test (project <c>Technical</c>, namespace <c>Cert.Technical</c>): one variant per task
/// T1–T5 is drawn per learner, 15 points each; T6 (the open model task, 25 points by held-out accuracy bands) has one
/// variant and is always handed out.
/// </summary>
public static class TechnicalPools
{
    public const string Project = "Technical";
    public const double PointsPerTask = 15;
    public const double ModelTaskPoints = 25;
    public const int Minutes = 120;
    public const int GraceMinutes = 5;

    public static readonly IReadOnlyList<string> Tasks = ["T1", "T2", "T3", "T4", "T5", "T6"];

    public static readonly IReadOnlyList<TechnicalVariant> Variants =
    [
        new("T1", "leaky-relu", "LeakyReluLayer.cs", "T1LeakyReluTests.cs", ["Course.Engine.Layers.LeakyRelu"]),
        new("T1", "elu", "EluLayer.cs", "T1EluTests.cs", []),
        new("T1", "swish", "SwishLayer.cs", "T1SwishTests.cs", []),
        new("T2", "adamw", "AdamW.cs", "T2AdamwTests.cs", ["Course.Engine.Optimizers.AdamW", "Course.Engine.Optimizers.Adam"]),
        new("T2", "rmsprop-momentum", "RmsPropMomentum.cs", "T2RmspropMomentumTests.cs", ["Course.Engine.Optimizers.RmsProp", "Course.Engine.Optimizers.Momentum"]),
        new("T2", "amsgrad", "AmsGrad.cs", "T2AmsgradTests.cs", ["Course.Engine.Optimizers.Adam", "Course.Engine.Optimizers.AdamW"]),
        new("T3", "dilated-conv", "DilatedConv2d.cs", "T3DilatedConvTests.cs", ["Course.Engine.Layers.Conv2d"]),
        new("T3", "conv1d", "Conv1d.cs", "T3Conv1dTests.cs", ["Course.Engine.Layers.Conv2d"]),
        new("T3", "global-max-pool", "GlobalMaxPooling.cs", "T3GlobalMaxPoolTests.cs", ["Course.Engine.Layers.MaxPool2d"]),
        new("T4", "birnn", "BiRnn.cs", "T4BirnnTests.cs", []),
        new("T4", "mhsa", "MultiHeadSelfAttention.cs", "T4MhsaTests.cs", ["Course.Engine.Layers.SelfAttention", "Course.Engine.Layers.ScaledDotProductAttention"]),
        new("T4", "masked-loss", "MaskedTimeSoftmaxWithLoss.cs", "T4MaskedLossTests.cs", ["Course.Engine.Layers.TimeSoftmaxWithLoss"]),
        new("T5", "beta-vae", "BetaVaeLoss.cs", "T5BetaVaeTests.cs", ["Course.Engine.Generative.KlDivergence", "Course.Engine.Generative.BinaryCrossEntropyWithLogits"]),
        new("T5", "n-step", "NStepReturn.cs", "T5NStepTests.cs", []),
        new("T5", "double-dqn", "DoubleDqnTarget.cs", "T5DoubleDqnTests.cs", []),
        // The digits loader would hand out the test split the model is scored on.
        new("T6", "open-model", "OpenModel.cs", null, ["Course.Engine.Data.Digits"], ModelTaskPoints, ["IModel.cs"]),
    ];

    public static TechnicalVariant Get(string task, string id) =>
        Variants.SingleOrDefault(v => v.Task == task && v.Id == id) ?? throw new ArgumentException($"technical test: no variant '{id}' for task {task}");

    /// <summary>One variant per task, reproducible from (cohort, learner) and different between learners.</summary>
    public static IReadOnlyList<TechnicalVariant> Draw(string cohort, string learner)
    {
        var seed = new Knowledge.PaperSeed(cohort, learner, "course-technical-test");
        return Tasks.Select(task =>
        {
            var pool = Variants.Where(v => v.Task == task).ToList();
            return pool[seed.NextInt(pool.Count)];
        }).ToList();
    }
}
