using Microsoft.Extensions.Logging;

namespace Samples.Noncompliant;

public sealed record Customer(string Email, string Ssn);

// SEC-003 (pii-audit check, SRA3xxx): personal data is read without an audit entry and written to an ordinary log.
public sealed class CustomerService(ILogger<CustomerService> logger)
{
    public void SendNewsletter(Customer customer)
    {
        logger.LogInformation("Sending newsletter to {Email}", customer.Email);
    }
}
