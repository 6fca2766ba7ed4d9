using System.Collections.Generic;
using System.Text;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Writes the one sentence that says what a successful build proves. Only a control enforced at
/// severity error can fail the build, so only those are claimed; every other control is named
/// with the reason it is not covered.
/// </summary>
internal sealed class VerdictBuilder
{
    private readonly List<string> _atError = new();
    private readonly List<string> _belowError = new();
    private readonly List<string> _notVerified = new();
    private readonly List<string> _disabled = new();

    public void Add(string id, string status, string severity)
    {
        switch (status)
        {
            case "enforced":
                (severity == "error" ? _atError : _belowError).Add(id);
                break;
            case "disabled":
                _disabled.Add(id);
                break;
            default:
                _notVerified.Add(id);
                break;
        }
    }

    public string Sentence(int activeWaivers, int suppressions)
    {
        var text = new StringBuilder();
        if (_atError.Count > 0)
        {
            text.Append("If this build succeeded, no violation of ").Append(List(_atError)).Append(" existed");
            var exceptions = new List<string>();
            if (activeWaivers > 0)
            {
                exceptions.Add(Count(activeWaivers, "active waiver"));
            }

            if (suppressions > 0)
            {
                exceptions.Add(Count(suppressions, "in-source suppression"));
            }

            if (exceptions.Count > 0)
            {
                text.Append(", except under the ").Append(List(exceptions)).Append(" listed here");
            }

            text.Append(_atError.Count == 1 ? ", because its rules report at severity error and fail the build" : ", because their rules report at severity error and fail the build");
        }
        else
        {
            text.Append("A successful build proves no control: none is enforced at severity error");
        }

        if (_belowError.Count > 0)
        {
            text.Append("; ").Append(List(_belowError))
                .Append(_belowError.Count == 1 ? " is" : " are")
                .Append(" enforced below error, so a violation is reported but does not fail the build");
        }

        if (_notVerified.Count > 0)
        {
            text.Append("; ").Append(List(_notVerified))
                .Append(_notVerified.Count == 1 ? " is" : " are")
                .Append(" not compiler-verified");
        }

        if (_disabled.Count > 0)
        {
            text.Append("; ").Append(List(_disabled))
                .Append(_disabled.Count == 1 ? " is" : " are")
                .Append(" disabled (severity none)");
        }

        return text.Append('.').ToString();
    }

    private static string Count(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");

    private static string List(List<string> ids)
    {
        if (ids.Count == 1)
        {
            return ids[0];
        }

        return string.Join(", ", ids.GetRange(0, ids.Count - 1)) + " and " + ids[ids.Count - 1];
    }
}
