using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Samples.Compliant;

public sealed class Patient
{
    public int Id { get; set; }

    [PersonalData]
    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";
}

/// <summary>SEC-003: each read is preceded by the audit helper the SRA3001 code fix adds; logs carry ids only.</summary>
public sealed class PatientRecords(ILogger<PatientRecords> logger)
{
    public string Contact(Patient patient, string userId, string clientIp)
    {
        PiiAuditLog.PiiAccessed(logger, userId, "read Patient.Email", clientIp);
        logger.LogDebug("Contact details of patient {PatientId} shown", patient.Id);
        return patient.Email;
    }
}

/// <summary>What the SRA3001 code fix adds once per project.</summary>
internal static partial class PiiAuditLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}")]
    public static partial void PiiAccessed(ILogger logger, string? userId, string? action, string? ipAddress);
}
