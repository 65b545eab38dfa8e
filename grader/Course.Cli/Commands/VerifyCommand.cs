using System.CommandLine;
using Course.Certification.Credentials;
using Course.Model;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course verify &lt;certificate&gt; [&lt;results.json&gt;] [--key instructor.pub.pem]</c>: one line, valid or invalid
/// and why; exit 0 when valid, 3 when not.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var certificate = new Argument<FileInfo>("certificate") { Description = "the certificate (certificate.jwt: an Open Badges 3.0 credential as VC-JWT)" };
        var results = new Argument<FileInfo?>("results") { Description = "the learner's results.json, to check against the hash the certificate records", Arity = ArgumentArity.ZeroOrOne };
        var key = new Option<FileInfo?>("--key") { Description = "the instructor's public key (instructor.pub.pem); without it only the signature's integrity is checked" };
        var command = new Command("verify", "Check a certificate's signature and, given results.json, its results hash.") { certificate, results, key };
        command.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(certificate);
            if (!file.Exists) throw new CourseInputException($"{file.FullName}: certificate not found");
            var resultsFile = parse.GetValue(results);
            if (resultsFile is { Exists: false }) throw new CourseInputException($"{resultsFile.FullName}: results file not found");
            using var trusted = parse.GetValue(key) is { } k ? InstructorKey.LoadPublic(k.FullName) : null;
            var outcome = CertificateVerifier.Verify(File.ReadAllText(file.FullName), resultsFile is null ? null : File.ReadAllBytes(resultsFile.FullName), trusted);
            var keyNote = outcome.Valid && trusted is null ? $" (key {outcome.KeyThumbprint}; pass --key to check it is the instructor's)" : "";
            Console.WriteLine($"{file.Name}: {(outcome.Valid ? "valid" : "invalid")}: {outcome.Reason}{keyNote}");
            return outcome.Valid ? ExitCodes.Ok : ExitCodes.Threshold;
        });
        return command;
    }
}
