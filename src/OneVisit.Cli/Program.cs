using OneVisit.Cli;

return CliApp.Run(args, Console.Out, Console.Error, colour: Terminal.SupportsColour());
