namespace OneVisit.Cli.Common;

/// <summary>
/// One status line on standard error while long work runs, rewritten in place. Only on a terminal: redirected
/// output (a CI log, a pipe into a program) gets nothing but the command's own output.
/// </summary>
internal sealed class Progress(Terminal error)
{
    private readonly bool _interactive = error.Writer == Console.Error && !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private int _width;

    public void Report(string status)
    {
        if (!_interactive)
        {
            return;
        }

        var line = status.Length > 100 ? status[..99] + "…" : status;
        lock (_gate)
        {
            error.Writer.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }
    }

    public void Clear()
    {
        if (!_interactive)
        {
            return;
        }

        lock (_gate)
        {
            if (_width > 0)
            {
                error.Writer.Write("\r" + new string(' ', _width) + "\r");
                _width = 0;
            }
        }
    }
}
