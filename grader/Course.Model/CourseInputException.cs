namespace Course.Model;

/// <summary>
/// Bad input: a missing or malformed course file, folder or option. The message is one line naming the file (and line
/// where known); commands report it as a usage error (exit 2) and write nothing.
/// </summary>
public sealed class CourseInputException(string message) : Exception(message);
