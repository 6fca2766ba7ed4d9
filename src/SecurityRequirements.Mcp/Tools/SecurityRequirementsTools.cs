using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using ModelContextProtocol.Server;
using SecurityRequirements.Analyzers.Brief;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Mcp.Analysis;
using SecurityRequirements.Mcp.Text;
using SecurityRequirements.Mcp.Workspace;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>
/// The four tools. Each runs against the warm project of <see cref="ProjectHost"/>; <c>check</c>, <c>fix</c> and
/// <c>attestation</c> take proposed texts and fork the project in memory, so nothing is ever written to disk.
/// </summary>
internal sealed class SecurityRequirementsTools(ProjectHost host)
{
    public const string Instructions =
        "This server checks C# code against the project's security requirements (security_requirements.yaml) with the same "
        + "analyzers the build runs, before the code is written to disk. Call `requirements` once to learn the controls and the "
        + "prescribed code. Before writing a C# file, call `check` with its full proposed text; for each diagnostic with "
        + "fixable=true call `fix` and use the fixed text; follow the message for the others; check again until clean. "
        + "`attestation` tells what the build's security attestation would say about the current code.";

    private const string OutputText = "text";
    private const string OutputDiff = "diff";
    private const string OutputBoth = "both";

    public IEnumerable<McpServerTool> CreateTools()
    {
        yield return Create(nameof(RequirementsAsync), "requirements", "Security requirements brief");
        yield return Create(nameof(CheckAsync), "check", "Check proposed C# against the requirements", structured: true);
        yield return Create(nameof(FixAsync), "fix", "Apply the code fix for one diagnostic", structured: true);
        yield return Create(nameof(AttestationAsync), "attestation", "Attestation the current code would get", structured: true);
    }

    [Description(
        "The security requirements brief of this project, on demand: each control of security_requirements.yaml with its requirement, "
        + "severity and parameters, the SRA rules that enforce it (which have a code fix, what to write by hand otherwise), and the "
        + "prescribed C# implementation, which compiles as it is (AES-256-GCM helper, PKCE S256, audit logging). Read it before writing "
        + "security-relevant code. Also lists problems in the requirements file.")]
    public Task<string> RequirementsAsync(CancellationToken cancellationToken) =>
        host.UseAsync((loaded, _) =>
        {
            var policy = RequirementsContext.Resolve(loaded.AnalyzerOptions, cancellationToken);
            var text = new StringBuilder();
            text.Append("Project: ").Append(loaded.ProjectPath).Append('\n');
            if (!loaded.Restored)
            {
                text.Append("The project has not been restored (obj/project.assets.json is missing): run 'dotnet restore' on it.\n");
            }

            text.Append(loaded.ReferencesPackage
                ? "The project references SecurityRequirements.Analyzers: its build enforces these controls.\n"
                : "The project does not reference SecurityRequirements.Analyzers, so its build enforces nothing yet; this server checks code as the package would (dotnet add package SecurityRequirements.Analyzers).\n");
            foreach (var problem in policy.Problems)
            {
                text.Append("Requirements file problem: '").Append(problem.Path).Append("' ").Append(problem.Reason).Append("; the package's baseline applies.\n");
            }

            foreach (var file in policy.Files)
            {
                foreach (var error in file.Document.Errors.Take(host.Limits.MaxDiagnostics))
                {
                    text.Append("Requirements file problem: ").Append(error.ToDiagnostic(file.Path).ToString()).Append('\n');
                }
            }

            text.Append('\n').Append(RequirementsBriefWriter.Write(policy, RuleCatalog.RulesFor));
            return Task.FromResult(text.ToString());
        }, cancellationToken);

    [Description(
        "Check proposed C# files against the security requirements before writing them: returns the SRA diagnostics those texts would get "
        + "in this project (rule id, control, severity, 1-based line and column, message saying what to write instead, whether `fix` can "
        + "rewrite it) and the C# compiler errors. Pass each file's complete text; files not passed are taken as they are on disk. "
        + "Nothing is written. Empty diagnostics and compiler errors mean the code may be written.")]
    public Task<CheckResult> CheckAsync(
        [Description("The files to check, each with its full proposed text (at most 16 files and 1,000,000 characters per file).")] FileInput[] files,
        CancellationToken cancellationToken) =>
        host.UseAsync(async (loaded, ct) =>
        {
            var trace = Trace.Start();
            var (project, proposed) = ProposedFiles.Apply(loaded, files, host.Limits);
            var report = await ProjectAnalysis.AnalyzeAsync(project, loaded.AnalyzerOptions, proposed.Select(p => p.Id), ct).ConfigureAwait(false);
            trace.Mark("analysis");
            var notes = new List<string>(report.AnalyzerFailures);
            var diagnostics = new List<SraDiagnosticEntry>();
            var errors = new List<CompilerErrorEntry>();
            var checkedFiles = new List<CheckedFile>();
            var fixable = 0;
            foreach (var (document, proposal) in report.Documents.Zip(proposed))
            {
                foreach (var diagnostic in document.Sra)
                {
                    if (diagnostics.Count >= host.Limits.MaxDiagnostics)
                    {
                        break;
                    }

                    var entry = await EntryAsync(document.Document, diagnostic, proposal.RelativePath, notes, ct).ConfigureAwait(false);
                    fixable += entry.Fixable ? 1 : 0;
                    diagnostics.Add(entry);
                }

                errors.AddRange(document.CompilerErrors.Take(host.Limits.MaxDiagnostics - errors.Count).Select(e => ErrorEntry(e, proposal.RelativePath)));
                checkedFiles.Add(new CheckedFile(proposal.RelativePath, proposal.IsNew, document.Sra.Length, document.CompilerErrors.Length));
            }

            var totalSra = report.Documents.Sum(d => d.Sra.Length);
            var totalErrors = report.Documents.Sum(d => d.CompilerErrors.Length);
            if (totalSra > diagnostics.Count || totalErrors > errors.Count)
            {
                notes.Add($"Lists cut to {host.Limits.MaxDiagnostics}: {totalSra} SRA diagnostics and {totalErrors} compiler errors in all.");
            }

            AddPackageNote(loaded, notes);
            trace.Mark("fixes and results");
            trace.Write("check");
            var summary = totalSra == 0 && totalErrors == 0
                ? $"Clean: no SRA diagnostic and no compiler error in {Count(checkedFiles.Count, "file")}."
                : $"{Count(totalSra, "SRA diagnostic")} ({fixable} fixable with the fix tool) and {Count(totalErrors, "compiler error")} in {Count(checkedFiles.Count, "file")}.";
            return new CheckResult(summary, checkedFiles, diagnostics, errors, notes);
        }, cancellationToken);

    [Description(
        "Apply this project's code fix for one SRA diagnostic that `check` reported with fixable=true, to a proposed text: returns the "
        + "fixed text (or a unified diff) of every file the fix changes, the diagnostics and compiler errors left after it, and what to do "
        + "by hand. When no fix applies, says what to write instead. Nothing is written to disk.")]
    public Task<FixResult> FixAsync(
        [Description("Path of the C# file, relative to the project folder or absolute, inside the project folder.")] string path,
        [Description("The file's complete current text, as passed to check (not written to disk).")] string text,
        [Description("The diagnostic id to fix, e.g. SRA1001.")] string diagnosticId,
        [Description("1-based line of the diagnostic, as check reported it.")] int line,
        [Description("1-based column of the diagnostic, as check reported it; 0 (default): the first such diagnostic on the line.")] int column = 0,
        [Description("\"text\" (default): the full fixed text of each changed file; \"diff\": a unified diff; \"both\".")] string output = OutputText,
        [Description("Which of the offered fixes to apply, 0-based (default 0); see otherFixTitles.")] int fixIndex = 0,
        CancellationToken cancellationToken = default) =>
        host.UseAsync(async (loaded, ct) =>
        {
            var mode = (output ?? string.Empty).Trim().ToLowerInvariant();
            if (mode is not (OutputText or OutputDiff or OutputBoth))
            {
                throw ToolErrors.BadArgument($"output is '{output}': use \"text\", \"diff\" or \"both\".");
            }

            if (string.IsNullOrWhiteSpace(diagnosticId))
            {
                throw ToolErrors.BadArgument("diagnosticId is empty: pass the id check reported, such as SRA1001.");
            }

            var (project, proposed) = ProposedFiles.Apply(loaded, [new FileInput(path, text)], host.Limits);
            var proposal = proposed[0];
            var report = await ProjectAnalysis.AnalyzeAsync(project, loaded.AnalyzerOptions, [proposal.Id], ct).ConfigureAwait(false);
            var analyzed = report.Documents[0];
            var sourceText = await analyzed.Document.GetTextAsync(ct).ConfigureAwait(false);
            var target = FindDiagnostic(analyzed, sourceText, diagnosticId.Trim(), line, column == 0 ? null : column, proposal.RelativePath);
            var control = ControlOf(target);
            var notes = new List<string>(report.AnalyzerFailures);
            var actions = await FixActions.ForAsync(analyzed.Document, target, notes, ct).ConfigureAwait(false);
            var remedy = RuleRemedies.For(target.Id);
            if (actions.IsEmpty)
            {
                var byHand = remedy?.ManualRemedy ?? target.GetMessage(CultureInfo.InvariantCulture);
                var why = remedy is { HasCodeFix: true, FixLimits.Length: > 0 }
                    ? $"the code fix of {target.Id} does not apply to this shape (it leaves {remedy.FixLimits})"
                    : $"{target.Id} has no code fix";
                return new FixResult($"Not fixed: {why}; fix it by hand: {byHand}.", false, target.Id, control, string.Empty, [], [], [], [byHand], [], notes);
            }

            var index = fixIndex;
            if (index < 0 || index >= actions.Length)
            {
                throw ToolErrors.BadArgument($"fixIndex {index} is out of range: {actions.Length} fix(es) are offered ({string.Join("; ", actions.Select(a => a.Title))}).");
            }

            var action = actions[index];
            var changed = await ApplyAsync(action, project.Solution, ct).ConfigureAwait(false);
            var changes = new List<FileChange>();
            var changedIds = new List<DocumentId>();
            var changedProject = changed.GetProject(project.Id)!;
            foreach (var (id, isNew) in ChangedDocuments(project, changedProject))
            {
                var newDocument = changedProject.GetDocument(id)!;
                var newText = (await newDocument.GetTextAsync(ct).ConfigureAwait(false)).ToString();
                var oldText = isNew ? string.Empty : (await project.GetDocument(id)!.GetTextAsync(ct).ConfigureAwait(false)).ToString();
                var relative = newDocument.FilePath is { } filePath ? ProposedFiles.RelativePath(loaded, filePath) : newDocument.Name;
                var diff = mode == OutputText ? string.Empty : UnifiedDiff.Create(oldText, newText, isNew ? "/dev/null" : "a/" + relative, "b/" + relative);
                changes.Add(new FileChange(relative, isNew, mode == OutputDiff ? string.Empty : newText, diff));
                changedIds.Add(id);
            }

            var after = await ProjectAnalysis.AnalyzeAsync(changedProject, loaded.AnalyzerOptions, changedIds, ct).ConfigureAwait(false);
            notes.AddRange(after.AnalyzerFailures);
            var remaining = new List<SraDiagnosticEntry>();
            var errors = new List<CompilerErrorEntry>();
            var byHandRemedies = new List<string>();
            foreach (var document in after.Documents)
            {
                var relative = document.Document.FilePath is { } filePath ? ProposedFiles.RelativePath(loaded, filePath) : document.Document.Name;
                foreach (var diagnostic in document.Sra.Take(host.Limits.MaxDiagnostics))
                {
                    var entry = await EntryAsync(document.Document, diagnostic, relative, notes, ct).ConfigureAwait(false);
                    remaining.Add(entry);
                    if (!entry.Fixable && RuleRemedies.For(entry.Id) is { } left && !byHandRemedies.Contains(entry.Id + ": " + left.ManualRemedy))
                    {
                        byHandRemedies.Add(entry.Id + ": " + left.ManualRemedy);
                    }
                }

                errors.AddRange(document.CompilerErrors.Take(host.Limits.MaxDiagnostics).Select(e => ErrorEntry(e, relative)));
            }

            var summary = new StringBuilder()
                .Append("Applied '").Append(action.Title).Append("' to ").Append(Count(changes.Count, "file")).Append("; ")
                .Append(remaining.Count == 0 ? "no SRA diagnostic left" : Count(remaining.Count, "SRA diagnostic") + " left")
                .Append(errors.Count == 0 ? string.Empty : ", " + Count(errors.Count, "compiler error"))
                .Append(" in the changed files. Write the fixed text, then check again.")
                .ToString();
            AddPackageNote(loaded, notes);
            return new FixResult(
                summary,
                true,
                target.Id,
                control,
                action.Title,
                changes,
                remaining,
                errors,
                byHandRemedies,
                [.. actions.Where(a => a != action).Select(a => a.Title)],
                notes);
        }, cancellationToken);

    [Description(
        "What the security attestation of a build of the current code would say, without building or writing files: the verdict (what a "
        + "successful build proves), each control's status and whether the verdict vouches for it, and whether the build would fail on "
        + "SRA errors. It reads the project's files as they are on disk.")]
    public Task<AttestationResult> AttestationAsync(
        [Description("true: also return the full manifest JSON the build would embed in the assembly.")] bool includeManifest = false,
        CancellationToken cancellationToken = default) =>
        host.UseAsync(async (loaded, ct) =>
        {
            var project = loaded.Project;
            var compilation = await project.GetCompilationAsync(ct).ConfigureAwait(false)
                ?? throw ToolErrors.ProjectDoesNotLoad("it has no compilation");
            var manifest = AttestationRunner.ManifestOf(compilation, project, loaded.AnalyzerOptions, ct)
                ?? throw ToolErrors.BadArgument("The attestation generator wrote no manifest for this project (a bug of the generator).");
            var (diagnostics, failures) = await ProjectAnalysis.AnalyzeAllAsync(project, loaded.AnalyzerOptions, ct).ConfigureAwait(false);
            var compilerErrors = compilation.GetDiagnostics(ct).Count(d => d.Severity == DiagnosticSeverity.Error);
            var sraErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var sraWarnings = diagnostics.Length - sraErrors;

            using var json = JsonDocument.Parse(manifest);
            var root = json.RootElement;
            var controls = root.GetProperty("controls").EnumerateArray().Select(c => new ControlStatusEntry(
                c.GetProperty("id").GetString()!,
                c.GetProperty("name").GetString()!,
                c.GetProperty("check").GetString()!,
                c.GetProperty("severity").GetString()!,
                c.GetProperty("status").GetString()!,
                [.. c.GetProperty("statusReasons").EnumerateArray().Select(r => r.GetString()!)],
                c.GetProperty("vouched").GetBoolean(),
                [.. c.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!)])).ToList();
            var exemptions = root.GetProperty("suppressions").GetArrayLength()
                + root.GetProperty("waivers").EnumerateArray().Count(w => w.TryGetProperty("active", out var active) && active.GetBoolean());

            var outcome = compilerErrors > 0 || sraErrors > 0
                ? $"The build would fail: {Count(sraErrors, "SRA diagnostic")} at severity error and {Count(compilerErrors, "compiler error")}; the verdict holds only for a build that succeeds."
                : sraWarnings > 0
                    ? $"The build would succeed with {Count(sraWarnings, "SRA diagnostic")} below error (reported, not failing the build)."
                    : "The build would succeed with no SRA diagnostic.";
            var notes = new List<string>(failures);
            AddPackageNote(loaded, notes);
            return new AttestationResult(
                root.GetProperty("verdict").GetString()!,
                outcome,
                root.GetProperty("partial").GetBoolean(),
                controls,
                sraErrors,
                sraWarnings,
                compilerErrors,
                exemptions,
                notes,
                includeManifest ? manifest : string.Empty);
        }, cancellationToken);

    private McpServerTool Create(string methodName, string name, string title, bool structured = false)
    {
        var method = typeof(SecurityRequirementsTools).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)!;
        return McpServerTool.Create(method, this, new McpServerToolCreateOptions
        {
            Name = name,
            Title = title,
            ReadOnly = true,
            Destructive = false,
            Idempotent = true,
            OpenWorld = false,
            UseStructuredContent = structured,
        });
    }

    private static async Task<SraDiagnosticEntry> EntryAsync(Document document, Diagnostic diagnostic, string relativePath, List<string> failures, CancellationToken cancellationToken)
    {
        var actions = await FixActions.ForAsync(document, diagnostic, failures, cancellationToken).ConfigureAwait(false);
        var span = diagnostic.Location.GetLineSpan();
        return new SraDiagnosticEntry(
            diagnostic.Id,
            ControlOf(diagnostic),
            SeverityName(diagnostic.Severity),
            relativePath,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            !actions.IsEmpty,
            [.. actions.Select(a => a.Title)],
            diagnostic.Descriptor.HelpLinkUri);
    }

    private static CompilerErrorEntry ErrorEntry(Diagnostic diagnostic, string relativePath)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new CompilerErrorEntry(
            diagnostic.Id,
            relativePath,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static Diagnostic FindDiagnostic(AnalyzedDocument analyzed, Microsoft.CodeAnalysis.Text.SourceText text, string id, int line, int? column, string relativePath)
    {
        if (line < 1 || line > text.Lines.Count)
        {
            throw ToolErrors.BadPosition($"line {line} is outside 1..{text.Lines.Count} of '{relativePath}'");
        }

        var textLine = text.Lines[line - 1];
        int? position = null;
        if (column is { } c)
        {
            if (c < 1 || c > textLine.End - textLine.Start + 1)
            {
                throw ToolErrors.BadPosition($"column {c} is outside 1..{textLine.End - textLine.Start + 1} of line {line}");
            }

            position = textLine.Start + c - 1;
        }

        var candidates = analyzed.Sra.Where(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
        var match = position is { } p
            ? candidates.FirstOrDefault(d => d.Location.SourceSpan.Start == p) ?? candidates.FirstOrDefault(d => d.Location.SourceSpan.Start <= p && p <= d.Location.SourceSpan.End)
            : candidates.FirstOrDefault(d => text.Lines.GetLineFromPosition(d.Location.SourceSpan.Start).LineNumber == line - 1);
        if (match is not null)
        {
            return match;
        }

        var present = analyzed.Sra.Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return string.Create(CultureInfo.InvariantCulture, $"{d.Id} at {start.Line + 1}:{start.Character + 1}");
        }).ToList();
        throw ToolErrors.BadArgument(
            $"No {id} diagnostic at line {line}{(column is null ? string.Empty : ", column " + column.Value.ToString(CultureInfo.InvariantCulture))} of '{relativePath}' in the text given. "
            + (present.Count == 0 ? "The text has no SRA diagnostic." : "The text has: " + string.Join(", ", present.Take(20)) + ".")
            + " Call check on the same text and pass a reported id and position.");
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var operation in operations)
        {
            if (operation is ApplyChangesOperation apply)
            {
                solution = apply.ChangedSolution;
            }
        }

        return solution;
    }

    private static IEnumerable<(DocumentId Id, bool IsNew)> ChangedDocuments(Project before, Project after)
    {
        var changes = after.GetChanges(before);
        foreach (var id in changes.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
        {
            yield return (id, false);
        }

        foreach (var id in changes.GetAddedDocuments())
        {
            yield return (id, true);
        }
    }

    private static string ControlOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(RequirementsContext.ControlIdProperty, out var control) && control is not null ? control : string.Empty;

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    private static void AddPackageNote(LoadedProject loaded, List<string> notes)
    {
        if (!loaded.Restored)
        {
            notes.Add("The project has not been restored (obj/project.assets.json is missing): its package references are not resolved, so code that uses them shows compiler errors; run 'dotnet restore' on it.");
        }

        if (!loaded.ReferencesPackage)
        {
            notes.Add("The project does not reference SecurityRequirements.Analyzers: its own build reports none of this until the package is added.");
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
