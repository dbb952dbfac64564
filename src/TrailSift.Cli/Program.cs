using TrailSift.Cli;

return App.Run(args, AppEnvironment.FromConsole());
