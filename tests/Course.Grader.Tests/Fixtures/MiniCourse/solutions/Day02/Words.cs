namespace Course.Day02;

/// <summary>Exercise 2.1 of the mini course.</summary>
public static class Words
{
    public static int Count(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
