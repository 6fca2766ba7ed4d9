using System.Collections.Generic;
using System.Text;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Writes the one sentence that says what a successful build proves. Only a control enforced at severity error in
/// every file can fail the build on any violation, so only those are claimed; every other control is named with the
/// reason it is left out, in the same words as its status.
/// </summary>
internal sealed class VerdictBuilder
{
    private readonly List<string> _vouched = new();
    private readonly SortedDictionary<string, List<string>> _belowError = new(System.StringComparer.Ordinal);
    private readonly List<string> _notVerified = new();
    private readonly List<string> _disabled = new();

    // Controls left out for the same status and reasons are named together, in the order they were added.
    private readonly List<KeyValuePair<string, List<string>>> _notCovered = new();

    public void Add(string id, ControlAssessment assessment)
    {
        switch (assessment.Status)
        {
            case ControlStatus.Enforced when assessment.Vouched:
                _vouched.Add(id);
                break;
            case ControlStatus.Enforced:
                if (!_belowError.TryGetValue(assessment.Severity, out var ids))
                {
                    _belowError.Add(assessment.Severity, ids = new List<string>());
                }

                ids.Add(id);
                break;
            case ControlStatus.Disabled:
                _disabled.Add(id);
                break;
            case ControlStatus.NotCompilerVerified:
                _notVerified.Add(id);
                break;
            default:
                var why = assessment.Status + ": " + string.Join("; ", assessment.Reasons);
                var group = _notCovered.Find(pair => pair.Key == why);
                if (group.Value is null)
                {
                    _notCovered.Add(new KeyValuePair<string, List<string>>(why, new List<string> { id }));
                }
                else
                {
                    group.Value.Add(id);
                }

                break;
        }
    }

    public string Sentence(int activeWaivers, int suppressions)
    {
        var text = new StringBuilder();
        if (_vouched.Count > 0)
        {
            text.Append("If this build succeeded, no violation of ").Append(List(_vouched)).Append(" existed");
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

            text.Append(_vouched.Count == 1
                ? ", because its rules report at severity error in every file and fail the build"
                : ", because their rules report at severity error in every file and fail the build");
        }
        else
        {
            text.Append("A successful build proves no control: none is enforced at severity error in every file");
        }

        foreach (var pair in _notCovered)
        {
            text.Append("; ").Append(List(pair.Value)).Append(pair.Value.Count == 1 ? " is" : " are")
                .Append(" not covered (").Append(pair.Key).Append(')');
        }

        foreach (var pair in _belowError)
        {
            text.Append("; ").Append(List(pair.Value)).Append(pair.Value.Count == 1 ? " is" : " are")
                .Append(" enforced below error (").Append(pair.Key).Append("), so a violation is reported but does not fail the build");
        }

        if (_notVerified.Count > 0)
        {
            text.Append("; ").Append(List(_notVerified)).Append(_notVerified.Count == 1 ? " is" : " are").Append(" not compiler-verified");
        }

        if (_disabled.Count > 0)
        {
            text.Append("; ").Append(List(_disabled)).Append(_disabled.Count == 1 ? " is" : " are").Append(" disabled (severity none)");
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
