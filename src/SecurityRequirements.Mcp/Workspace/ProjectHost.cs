using System.Globalization;
using SecurityRequirements.Mcp.Tools;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>
/// Owns the one project the server serves. Tool calls run one at a time against a fresh snapshot: the first waits for
/// the load that started with the server; later ones read again the files edited on disk, and reload the project when
/// its project file, restore output, requirements file or set of C# files changed. A project that does not load makes
/// every call a clear tool error until one of those inputs changes.
/// </summary>
internal sealed class ProjectHost : IAsyncDisposable
{
    private readonly ProjectTarget _target;
    private readonly ServerLog _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task<LoadedProject>? _pendingLoad;
    private LoadedProject? _current;
    private (string Message, InputStamps? Stamps)? _failure;

    public ProjectHost(ProjectTarget target, ServerLog log, ServerLimits limits)
    {
        _target = target;
        _log = log;
        Limits = limits;
    }

    public ServerLimits Limits { get; }

    /// <summary>Starts loading in the background, so that the handshake is not delayed and the first call waits less.</summary>
    public void StartLoading()
    {
        if (_target.ProjectPath is { } path && _pendingLoad is null && _current is null)
        {
            _pendingLoad = Task.Run(async () =>
            {
                var trace = Analysis.Trace.Start();
                var warmUp = Task.Run(async () =>
                {
                    await Analysis.WarmUp.RunAsync(_log, CancellationToken.None).ConfigureAwait(false);
                    trace.Mark("warm-up");
                });
                var loaded = await ProjectLoader.LoadAsync(path, _log, CancellationToken.None).ConfigureAwait(false);
                trace.Mark("design-time build");
                await warmUp.ConfigureAwait(false);

                // The project's own compilation and generators, once, so that the first call starts from a warm snapshot.
                if (await WarmDocumentAsync(loaded).ConfigureAwait(false) is { } first)
                {
                    await Analysis.ProjectAnalysis.AnalyzeAsync(loaded.Project, loaded.AnalyzerOptions, [first], CancellationToken.None).ConfigureAwait(false);
                }

                trace.Mark("first analysis");
                trace.Write("start");

                return loaded;
            });
        }
    }

    /// <summary>Runs <paramref name="work"/> on the current project, alone; load problems become tool errors.</summary>
    public async Task<T> UseAsync<T>(Func<LoadedProject, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var trace = Analysis.Trace.Start();
            var project = await GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            trace.Mark("project up to date");
            trace.Write("call");
            return await work(project, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pendingLoad is { } pending)
        {
            try
            {
                (await pending.ConfigureAwait(false)).Dispose();
            }
            catch (Exception e) when (e is ProjectLoadException or OperationCanceledException)
            {
                // Nothing was loaded.
            }
        }

        _current?.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// A file like those an agent checks: the project's own code, not obj/ output, and without global usings (the first
    /// semantic question about a file that declares them costs a binding of most of the project, seconds on 200 files).
    /// </summary>
    private static async Task<Microsoft.CodeAnalysis.DocumentId?> WarmDocumentAsync(LoadedProject loaded)
    {
        var obj = Path.Combine(loaded.ProjectDirectory, "obj") + Path.DirectorySeparatorChar;
        foreach (var document in loaded.Project.Documents.Take(50))
        {
            if (document.FilePath is not { } path || path.StartsWith(obj, StringComparison.Ordinal))
            {
                continue;
            }

            var text = await document.GetTextAsync().ConfigureAwait(false);
            if (!text.ToString().Contains("global using", StringComparison.Ordinal))
            {
                return document.Id;
            }
        }

        return null;
    }

    private async Task<LoadedProject> GetCurrentAsync(CancellationToken cancellationToken)
    {
        if (_target.ProjectPath is not { } path)
        {
            throw ToolErrors.ProjectDoesNotLoad(_target.Problem!);
        }

        if (_pendingLoad is { } pending)
        {
            // Waiting can be cancelled; the load itself goes on and is picked up by the next call.
            await Task.WhenAny(pending, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            _pendingLoad = null;
            Adopt(pending, path);
        }

        if (_current is { } current)
        {
            if (current.Stamps.Changed() is not { } reason)
            {
                var refreshed = current.RefreshFromDisk();
                if (refreshed > 0)
                {
                    _log.Write(string.Create(CultureInfo.InvariantCulture, $"read {refreshed} edited file(s) again"));
                }

                return current;
            }

            _log.Write($"reloading: {reason}");
            current.Dispose();
            _current = null;
        }
        else if (_failure is { } failure && !(failure.Stamps is null ? File.Exists(path) : failure.Stamps.Changed() is not null))
        {
            // Loading again is worth it only once something it read has changed.
            throw ToolErrors.ProjectDoesNotLoad(failure.Message);
        }

        var load = ProjectLoader.LoadAsync(path, _log, cancellationToken);
        await Task.WhenAny(load).ConfigureAwait(false); // completes without throwing; Adopt reads the outcome
        Adopt(load, path);
        return _current!;
    }

    private void Adopt(Task<LoadedProject> load, string path)
    {
        if (load.IsCompletedSuccessfully)
        {
            _current = load.Result;
            _failure = null;
            return;
        }

        if (load.IsCanceled)
        {
            throw new OperationCanceledException();
        }

        var error = load.Exception!.InnerException!;
        var message = error is ProjectLoadException ? error.Message : $"the project '{path}' does not load: {error.GetType().Name}: {error.Message}";
        _log.Write(message);
        _failure = (message, File.Exists(path) ? InputStamps.Capture(path, []) : null);
        throw ToolErrors.ProjectDoesNotLoad(message);
    }
}
