namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Checks the shape of a documentation comment id before it is bound to symbols per compilation.</summary>
internal static class DocumentationIds
{
    public static bool IsWellFormed(string id)
    {
        if (id.Length < 3 || id[1] != ':' || id[0] is not ('N' or 'T' or 'F' or 'P' or 'M' or 'E'))
        {
            return false;
        }

        var name = id.Substring(2);
        if (name.Trim().Length != name.Length || name.StartsWith(".", System.StringComparison.Ordinal) || name.EndsWith(".", System.StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
