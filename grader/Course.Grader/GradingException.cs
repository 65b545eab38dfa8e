namespace Course.Grader;

/// <summary>Bad input or an unusable course: the message is one line naming the file, folder or option at fault.</summary>
public sealed class GradingException(string message) : Exception(message);
