using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Samples.Noncompliant;

public sealed class Patient
{
    public int Id { get; set; }

    [PersonalData]
    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";
}

// SEC-003 (pii-audit check): reads without a complete audit call (SRA3001), and personal data in logs (SRA3002).
public sealed class PatientRecords(ILogger<PatientRecords> logger)
{
    // SRA3001: no audit call at all.
    public string Contact(Patient patient) => patient.Email;

    // SRA3001: the audit call lacks Action and IpAddress.
    public string Name(Patient patient, string userId)
    {
        logger.LogInformation("Patient viewed by {UserId}", userId);
        return patient.FullName;
    }

    // SRA3001: no audit call; the request in scope gives the fix the user and the client IP.
    public string Greeting(Patient patient, HttpContext context) => "Hello " + patient.FullName;

    // SRA3002: the object is destructured with {@...}, so its personal data is written to the log.
    public void Loaded(Patient patient) => logger.LogDebug("Loaded {@Patient}", patient);
}
