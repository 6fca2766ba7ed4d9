namespace Samples.Noncompliant;

public static class UserQueries
{
    // SEC-004 bans string literals that query the users table directly (SRA9002): go through UserRepository.
    public const string FindUserSql = "SELECT * FROM users WHERE id = 1";
}
