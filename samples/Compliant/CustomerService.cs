using Microsoft.Extensions.Logging;

namespace Samples.Compliant;

public sealed record Customer(string Email, string Ssn);

/// <summary>SEC-003: every read of personal data is audit-logged with user id, action and IP, and the data itself is never logged.</summary>
public sealed class CustomerService(ILogger<CustomerService> logger)
{
    public string ReadEmail(Customer customer, string userId, string ipAddress)
    {
        logger.LogInformation("PII access: user={UserId}, action={Action}, ip={IpAddress}", userId, "read-email", ipAddress);
        return customer.Email;
    }
}
