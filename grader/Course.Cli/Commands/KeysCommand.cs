using System.CommandLine;
using Course.Certification.Credentials;

namespace Course.Cli.Commands;

/// <summary><c>course keys init [--out DIR]</c>: the instructor's ES256 key pair that signs certificates.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = $"folder for instructor.key.pem (keep private) and instructor.pub.pem (publish) (default: ${InstructorKey.FolderVariable}, else ~/course-keys; course certify looks there)" };
        var init = new Command("init", "Create the instructor's signing key pair (ECDSA P-256). Refuses to overwrite an existing key.") { output };
        init.SetAction(parse =>
        {
            var folder = parse.GetValue(output) ?? InstructorKey.DefaultFolder;
            var thumbprint = InstructorKey.Init(folder);
            Console.WriteLine($"key {thumbprint}: {Path.Combine(folder, InstructorKey.PrivateFile)} (private, keep it safe), {Path.Combine(folder, InstructorKey.PublicFile)} (give this to verifiers)");
            return ExitCodes.Ok;
        });
        var command = new Command("keys", "Manage the instructor's certificate signing key.");
        command.Subcommands.Add(init);
        return command;
    }
}
