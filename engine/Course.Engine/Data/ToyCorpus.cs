namespace Course.Engine.Data;

/// <summary>
/// Course data: a toy English corpus of sentences "subject verb object." drawn uniformly from
/// 5 × 5 × 5 phrases, as characters. Used by exercises 6.1 and 6.7 (lesson §6.1, §6.7).
/// </summary>
/// <remarks>
/// Each sentence draws, in this order, <c>rng.NextInt(5)</c> for the subject, the verb and the object; sentences are
/// joined by one space. The symbols are the 22 distinct characters of the phrases plus ' ' and '.', sorted by code
/// point, so an id does not depend on which phrases a draw happened to use.
/// </remarks>
public sealed class ToyCorpus
{
    /// <summary>The five subjects.</summary>
    public static IReadOnlyList<string> Subjects { get; } = ["the cat", "a dog", "my bird", "the old fox", "a small fish"];

    /// <summary>The five verbs.</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["sees", "eats", "likes", "chases", "finds"];

    /// <summary>The five objects.</summary>
    public static IReadOnlyList<string> Objects { get; } = ["the ball", "a red apple", "the moon", "some bread", "a big box"];

    /// <summary>Every word the grammar can produce (without the full stop).</summary>
    public static IReadOnlySet<string> Words { get; } =
        Subjects.Concat(Verbs).Concat(Objects).SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);

    private static readonly char[] AllSymbols =
        Subjects.Concat(Verbs).Concat(Objects).SelectMany(p => p).Append(' ').Append('.').Distinct().Order().ToArray();

    private ToyCorpus(string text)
    {
        Text = text;
        Ids = Encode(text);
    }

    /// <summary><paramref name="sentences"/> sentences drawn from <paramref name="rng"/> (e.g. 600 sentences with <c>new Rng(0)</c>).</summary>
    public static ToyCorpus Generate(int sentences, Rng rng)
    {
        if (sentences < 1) throw new ArgumentOutOfRangeException(nameof(sentences), $"ToyCorpus.Generate: need at least one sentence, got {sentences}.");
        ArgumentNullException.ThrowIfNull(rng);
        var parts = new string[sentences];
        for (int i = 0; i < sentences; i++)
        {
            var s = Subjects[rng.NextInt(Subjects.Count)];
            var v = Verbs[rng.NextInt(Verbs.Count)];
            var o = Objects[rng.NextInt(Objects.Count)];
            parts[i] = $"{s} {v} {o}.";
        }
        return new ToyCorpus(string.Join(' ', parts));
    }

    /// <summary>The generated text.</summary>
    public string Text { get; }

    /// <summary>The text as symbol ids.</summary>
    public int[] Ids { get; }

    /// <summary>The symbols, sorted; id i is <c>Symbols[i]</c>.</summary>
    public static IReadOnlyList<char> Symbols => AllSymbols;

    /// <summary>Number of symbols (22).</summary>
    public static int Vocab => AllSymbols.Length;

    /// <summary>Ids of the characters of <paramref name="text"/>; a character outside the symbols throws.</summary>
    public static int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            int id = Array.BinarySearch(AllSymbols, text[i]);
            if (id < 0) throw new ArgumentException($"ToyCorpus.Encode: character '{text[i]}' at position {i} is not a symbol of the corpus.", nameof(text));
            ids[i] = id;
        }
        return ids;
    }

    /// <summary>The character of symbol <paramref name="id"/>.</summary>
    public static char Decode(int id) =>
        (uint)id < (uint)AllSymbols.Length ? AllSymbols[id]
        : throw new ArgumentOutOfRangeException(nameof(id), $"ToyCorpus.Decode: id {id} is outside [0, {AllSymbols.Length}).");

    /// <summary>The text of a sequence of ids.</summary>
    public static string Decode(IEnumerable<int> ids) => new(ids.Select(Decode).ToArray());

    /// <summary>The first ⌊fraction · length⌋ ids as training data, the rest as test data (no shuffling: text order).</summary>
    public (int[] Train, int[] Test) Split(double trainFraction = 0.9)
    {
        if (!(trainFraction > 0 && trainFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), $"ToyCorpus.Split: the fraction must lie in (0, 1), got {trainFraction}.");
        int cut = (int)Math.Floor(trainFraction * Ids.Length);
        return (Ids[..cut], Ids[cut..]);
    }
}
