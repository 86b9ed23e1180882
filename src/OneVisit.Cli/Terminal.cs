namespace OneVisit.Cli;

/// <summary>Writes to a text writer, in colour only when a person is looking at a terminal.</summary>
internal sealed class Terminal(TextWriter writer, bool colour)
{
    private const string Reset = "\u001b[0m";

    public TextWriter Writer { get; } = writer;

    /// <summary>True on an interactive terminal unless NO_COLOR is set (https://no-color.org).</summary>
    public static bool SupportsColour() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Write(string text, ConsoleColour tone = ConsoleColour.None) =>
        Writer.Write(colour && tone != ConsoleColour.None ? $"{Code(tone)}{text}{Reset}" : text);

    public void WriteLine(string text = "", ConsoleColour tone = ConsoleColour.None)
    {
        Write(text, tone);
        Writer.WriteLine();
    }

    private static string Code(ConsoleColour tone) => tone switch
    {
        ConsoleColour.Red => "\u001b[31m",
        ConsoleColour.Yellow => "\u001b[33m",
        ConsoleColour.Green => "\u001b[32m",
        _ => "\u001b[2m",
    };
}

/// <summary>The few tones the command uses.</summary>
internal enum ConsoleColour
{
    None,
    Red,
    Yellow,
    Green,
    Dim,
}
