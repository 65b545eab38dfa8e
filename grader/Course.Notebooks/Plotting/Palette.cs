namespace Course.Notebooks.Plotting;

/// <summary>Ten distinguishable colours (the Tableau 10 set), cycled by series or class index.</summary>
public static class Palette
{
    private static readonly string[] Colors =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static string At(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
