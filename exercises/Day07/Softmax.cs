namespace Course.Day07;

/// <summary>Row softmax with a padding mask, shared by both attention classes.</summary>
internal static class Softmax
{
    /// <summary>Softmax of scores[0..len) in place; masked entries become exactly 0. Throws when every entry is masked.</summary>
    public static void MaskedInPlace(Span<double> scores, Func<int, bool> masked, string layer) =>
        throw new NotImplementedException(
            "Softmax.MaskedInPlace: マスクされていない要素の最大値を引いて exp を取り、和で割ります。マスク位置の重みは厳密に 0、全部マスクなら ArgumentException（lesson §7.5）。");
}
