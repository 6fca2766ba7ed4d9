using SecurityRequirements.Tool;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await CommandLineApp.RunAsync(args, ToolConsole.System, cancel.Token).ConfigureAwait(false);
