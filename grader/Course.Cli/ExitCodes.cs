namespace Course.Cli;

/// <summary>The `course` command's exit codes (documented in the README and in `course --help`).</summary>
public static class ExitCodes
{
    /// <summary>The command completed (grading finished, whatever the score).</summary>
    public const int Ok = 0;

    /// <summary>An internal error: a bug or an unusable environment (the message says which).</summary>
    public const int Internal = 1;

    /// <summary>Usage error or bad input (missing folder, unknown day, malformed roster …): one line on stderr, nothing written.</summary>
    public const int Usage = 2;

    /// <summary>The score is below --fail-under, or `course check` found a problem.</summary>
    public const int Threshold = 3;
}
