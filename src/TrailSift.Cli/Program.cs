using TrailSift.Cli;

DiagnosticSocket.Remove();
return App.Run(args, AppEnvironment.FromConsole());
