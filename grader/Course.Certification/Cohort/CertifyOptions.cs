using System.Security.Cryptography;
using Course.Grader.Roster;

namespace Course.Certification.Cohort;

/// <summary>
/// One <c>course certify</c> run: the roster (one folder per learner), where everything is written, the cohort id that
/// seeds each learner's paper, the instructor's key (signs certificates, verifies start tokens) and who issues them.
/// A <paramref name="Shard"/> other than the whole roster grades only its slice and certifies nobody: a last run over
/// the whole roster, into the same folder, finds every learner graded and ranks the class.
/// </summary>
public sealed record CertifyOptions(
    string RosterDir,
    string OutDir,
    string Cohort,
    ECDsa SigningKey,
    string Instructor = "Instructor",
    string? Issuer = null,
    int? Jobs = null,
    bool Force = false,
    RosterShard? Shard = null)
{
    public bool Sharded => Shard is { Count: > 1 };
}
