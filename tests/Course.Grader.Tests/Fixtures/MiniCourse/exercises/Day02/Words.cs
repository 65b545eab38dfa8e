namespace Course.Day02;

/// <summary>Exercise 2.1 of the mini course.</summary>
public static class Words
{
    public static int Count(string text) =>
        throw new NotImplementedException("Words.Count: split on whitespace and count the non-empty parts (lesson §2.1).");
}
