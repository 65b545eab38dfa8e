namespace Course.Day07.Tests;

/// <summary>Reference values of the small seq2seq runs (solutions/Day07 on the stated seeds).</summary>
internal static class Pinned
{
    public static readonly double[] SmallLosses = [2.5647766948189794, 2.5433760010071325, 2.518619223523063];
    public const double ClipSmall = 2.562767599474695, ClipLarge = 2.5123480459312755, NoAttention = 2.5029503633960877;
}
