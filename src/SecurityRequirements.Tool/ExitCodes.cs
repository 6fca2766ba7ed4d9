namespace SecurityRequirements.Tool;

/// <summary>The exit codes of every command (documented in docs/attestation.md and `sra help`).</summary>
internal static class ExitCodes
{
    /// <summary>Done; for verify: every check passed.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong (unknown command or option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>An input file is missing, unreadable, or not a .NET assembly.</summary>
    public const int Unreadable = 2;

    /// <summary>The assembly carries no security attestation.</summary>
    public const int NoAttestation = 3;

    /// <summary>The embedded manifest does not match the SHA-256 recorded beside it, or is not valid JSON.</summary>
    public const int NotIntact = 4;

    /// <summary>verify: the attestation was read and at least one check failed (one line per finding says which).</summary>
    public const int VerificationFailed = 5;
}
