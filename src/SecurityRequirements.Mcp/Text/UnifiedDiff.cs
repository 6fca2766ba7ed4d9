using System.Text;

namespace SecurityRequirements.Mcp.Text;

/// <summary>
/// A unified diff (as <c>diff -u</c> and <c>git apply</c> read it) between two texts, by lines, with three lines of
/// context. Lines are compared whole; the longest common subsequence is computed on what is left between the common
/// prefix and suffix, which for a code fix is a few lines, and past a size bound that middle is one replaced block.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Above this many cells (old lines × new lines of the changed middle) the middle is one block.</summary>
    private const long MaxTableCells = 4_000_000;

    public static string Create(string oldText, string newText, string oldName, string newName)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var edits = Diff(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from Context lines before this change to Context lines after the last change that is at most 2*Context lines further.
            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < edits.Count)
            {
                if (edits[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * Context)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(edits.Count, lastChange + Context + 1);
            AppendHunk(text, edits, start, end);
            i = end;
        }

        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, List<(char Kind, string Line, int OldIndex, int NewIndex)> edits, int start, int end)
    {
        var oldStart = edits[start].OldIndex;
        var newStart = edits[start].NewIndex;
        var oldCount = 0;
        var newCount = 0;
        for (var k = start; k < end; k++)
        {
            oldCount += edits[k].Kind == '+' ? 0 : 1;
            newCount += edits[k].Kind == '-' ? 0 : 1;
        }

        text.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var k = start; k < end; k++)
        {
            text.Append(edits[k].Kind).Append(edits[k].Line).Append('\n');
        }
    }

    /// <summary>"start,count" with a 1-based start; an empty range names the line before it, as diff does.</summary>
    private static string Range(int index, int count) =>
        count == 0 ? FormattableString.Invariant($"{index},0") : FormattableString.Invariant($"{index + 1},{count}");

    private static List<(char Kind, string Line, int OldIndex, int NewIndex)> Diff(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<(char, string, int, int)>(a.Length + b.Length);
        for (var k = 0; k < prefix; k++)
        {
            edits.Add((' ', a[k], k, k));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m > MaxTableCells)
        {
            for (var k = 0; k < n; k++)
            {
                edits.Add(('-', a[prefix + k], prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                edits.Add(('+', b[prefix + k], prefix + n, prefix + k));
            }
        }
        else
        {
            // lcs[x, y]: length of the longest common subsequence of a[prefix + x..] and b[prefix + y..] (middle only).
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j])
                {
                    edits.Add((' ', a[prefix + i], prefix + i, prefix + j));
                    i++;
                    j++;
                }
                else if (j < m && (i == n || lcs[i, j + 1] > lcs[i + 1, j]))
                {
                    edits.Add(('+', b[prefix + j], prefix + i, prefix + j));
                    j++;
                }
                else
                {
                    edits.Add(('-', a[prefix + i], prefix + i, prefix + j));
                    i++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add((' ', a[a.Length - suffix + k], a.Length - suffix + k, b.Length - suffix + k));
        }

        return edits;
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // A final line end does not start another line.
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}
