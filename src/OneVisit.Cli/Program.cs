using OneVisit.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, colour: Terminal.SupportsColour());
