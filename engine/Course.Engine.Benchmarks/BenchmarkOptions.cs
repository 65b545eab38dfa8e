namespace Course.Engine.Benchmarks;

/// <summary>Command line: <c>[--quick] [--out &lt;dir&gt;] [--python &lt;exe&gt;] [--rounds N] [--min-blas-gflops X] [--only id,id]</c>.</summary>
public sealed record BenchmarkOptions(bool Quick, string OutDir, string? Python, int? Rounds, double? MinBlasGflops, string[]? Only)
{
    /// <summary>
    /// Set-up check (DESIGN.md): numpy SGEMM 1024 must reach this share of the machine's measured FP32 FMA peak before
    /// ratios are printed (DESIGN's 300 GFLOP/s is 67–75% of the peak of the machine it was measured on).
    /// </summary>
    public const double DefaultMinBlasShareOfPeak = 0.7;

    public const string Usage =
        "usage: dotnet run -c Release --project engine/Course.Engine.Benchmarks -- [--quick] [--out <dir>] [--python <exe>]\n" +
        "         [--rounds N] [--min-blas-gflops X] [--only sgemm-1024,mlp-epoch,...]\n" +
        "  --quick             fewer rounds and samples, no 2048 SGEMM, no CNN epoch (about 1 minute)\n" +
        "  --out <dir>         where BENCHMARKS.md and benchmarks.json go (default artifacts/benchmarks)\n" +
        "  --python <exe>      interpreter with torch + numpy (default: $COURSE_PYTHON, /usr/bin/python3, python3)\n" +
        "  --rounds N          interleaved rounds (default 3; MLP epochs: 3 per round, 2 rounds unless N is given)\n" +
        "  --min-blas-gflops X set-up check threshold for numpy SGEMM 1024 (default: 70% of the measured FP32 peak)\n" +
        "  --only a,b          run only these workload ids";

    public static BenchmarkOptions Parse(string[] args)
    {
        bool quick = false;
        string outDir = Path.Combine("artifacts", "benchmarks");
        string? python = null;
        int? rounds = null;
        double? minGflops = null;
        string[]? only = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"benchmarks: {args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--out": outDir = Value(); break;
                case "--python": python = Value(); break;
                case "--rounds": rounds = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--min-blas-gflops": minGflops = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--only": only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "-h" or "--help": throw new ArgumentException(Usage);
                default: throw new ArgumentException($"benchmarks: unknown option '{args[i]}'.\n{Usage}");
            }
        }
        return new BenchmarkOptions(quick, outDir, python, rounds, minGflops, only);
    }
}
