using System.Data;
using System.Data.Common;

namespace Samples.Compliant;

/// <summary>SEC-004: the one way to read users; callers never write SQL against the users table.</summary>
public sealed class UserRepository(DbConnection connection)
{
    public async Task<string?> FindNameByIdAsync(int id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandType = CommandType.StoredProcedure;
        command.CommandText = "app.GetUserNameById";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.DbType = DbType.Int32;
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
