using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Course.Certification.Credentials;

namespace Course.Certification.Technical;

/// <summary>
/// The signed record of a technical-test hand-out: cohort, learner, the drawn variants and the start time, as an ES256
/// JWT with the instructor key (<see cref="VcJwt"/>), so a learner can neither pick other variants nor move the start.
/// </summary>
public sealed record StartToken(string Cohort, string Learner, IReadOnlyList<TechnicalVariant> Variants, DateTimeOffset Start)
{
    public const string FileName = "start-token.jwt";
    private const string Type = "course-technical-test-start";

    /// <summary>The end of the accepted window: start + 120 min + 5 min grace.</summary>
    public DateTimeOffset Deadline => Start.AddMinutes(TechnicalPools.Minutes + TechnicalPools.GraceMinutes);

    public string Sign(ECDsa key) => VcJwt.Sign(new JsonObject
    {
        ["type"] = Type,
        ["cohort"] = Cohort,
        ["learner"] = Learner,
        ["variants"] = new JsonObject(Variants.Select(v => KeyValuePair.Create(v.Task, (JsonNode?)v.Id))),
        ["start"] = Start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    }, key);

    /// <summary>The token's content if it is signed by <paramref name="trusted"/> and names this cohort and learner; else why not.</summary>
    public static (StartToken? Token, string? Problem) Verify(string jwt, ECDsa trusted, string cohort, string learner)
    {
        var check = VcJwt.Verify(jwt, trusted);
        if (!check.Valid || check.Credential is not { } c) return (null, $"start token rejected: {check.Reason}");
        if ((string?)c["type"] != Type) return (null, "start token rejected: not a technical-test start token");
        if ((string?)c["cohort"] != cohort) return (null, $"start token rejected: issued for cohort '{c["cohort"]}', not '{cohort}'");
        if ((string?)c["learner"] != learner) return (null, $"start token rejected: issued for learner '{c["learner"]}', not '{learner}'");
        if (c["variants"] is not JsonObject drawn || !DateTimeOffset.TryParse((string?)c["start"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            return (null, "start token rejected: no variants or start time");
        try
        {
            var variants = TechnicalPools.Tasks.Select(t => TechnicalPools.Get(t, (string?)drawn[t] ?? "")).ToList();
            return (new StartToken(cohort, learner, variants, start), null);
        }
        catch (ArgumentException e) { return (null, $"start token rejected: {e.Message}"); }
    }
}
