using TrailSift.Cli;
using TrailSift.Core.Query.Jq;

DiagnosticSocket.Remove();

// The whole run on a large stack: a program that parses (a chain of 40,000 pipes) must also compile, analyse and run
// wherever the command evaluates it (per document, per group key), not only on the scan workers.
return JqLargeStack.Run(() => App.Run(args, AppEnvironment.FromConsole()));
