using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Aws;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Authorization.Live;

namespace TrailSift.Cli.Commands;

// The granted side: --iam FILE... or live (with --save-iam), --access-advisor FILE|DIR... or live.
public sealed partial class UnusedCommand
{
    private const string Live = "live";

    private static AuthorizationDetails? ReadDetails(ParsedArgs args, LiveIam live, ConsoleReporter reporter)
    {
        IReadOnlyList<string> files = args.GetAll(UnusedSettings.Iam.Name);
        if (files.Count == 0)
        {
            reporter.Message("unused needs --iam FILE (aws iam get-account-authorization-details output) or --iam live");
            return null;
        }

        if (files.Contains(Live) && files.Count > 1)
        {
            reporter.Message("--iam live reads the account's authorization details itself: give no --iam FILE with it");
            return null;
        }

        string? save = args.Get(UnusedSettings.SaveIam.Name);
        if (save is not null && live.Client is null)
        {
            reporter.Message("--save-iam FILE needs --iam live");
            return null;
        }

        var reader = new AuthorizationDetailsReader();
        bool ok = true;
        if (live.Client is { } client)
        {
            List<byte[]>? pages = live.Run(() => client.AuthorizationDetailsAsync(), "GetAccountAuthorizationDetails");
            if (pages is null || (save is not null && !SavePages(pages, save, reporter)))
            {
                return null;
            }

            for (int i = 0; i < pages.Count; i++)
            {
                ok &= reader.Add(pages[i], pages.Count == 1 ? "iam" : $"iam page {i + 1}");
            }
        }
        else
        {
            foreach (string file in files)
            {
                try
                {
                    ok &= reader.Add(File.ReadAllBytes(file), file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    reporter.Message($"{file}: {e.Message}");
                    ok = false;
                }
            }
        }

        AuthorizationDetails details = reader.Build();
        if (!ok)
        {
            foreach (string problem in details.Diagnostics)
            {
                reporter.Message(problem);
            }

            return null;
        }

        return details;
    }

    // The pages as one JSON array, which --iam FILE reads back.
    private static bool SavePages(List<byte[]> pages, string path, ConsoleReporter reporter)
    {
        try
        {
            using FileStream file = File.Create(path);
            AuthorizationPagesWriter.Write(pages, file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Message($"--save-iam: {path}: {e.Message}");
            return false;
        }
    }

    private static List<AccessAdvisorReport>? ReadAdvisor(ParsedArgs args, List<EffectivePolicies> principals, LiveIam live,
        List<string> diagnostics, ConsoleReporter reporter)
    {
        var reports = new List<AccessAdvisorReport>();
        foreach (string given in args.GetAll(UnusedSettings.AccessAdvisor.Name))
        {
            if (given == Live)
            {
                if (!LiveAdvisor(principals, live, reports, reporter))
                {
                    return null;
                }

                continue;
            }

            IEnumerable<string> files = Directory.Exists(given)
                ? Directory.EnumerateFiles(given, "*.json").Order(StringComparer.Ordinal)
                : [given];
            foreach (string file in files)
            {
                try
                {
                    Add(File.ReadAllBytes(file), file, reports, diagnostics);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add($"{file}: {e.Message}");
                }
            }
        }

        return reports;
    }

    // One ACTION_LEVEL job per principal, four at a time; reports in the principals' order.
    private static bool LiveAdvisor(List<EffectivePolicies> principals, LiveIam live, List<AccessAdvisorReport> reports, ConsoleReporter reporter)
    {
        if (live.Connect() is not { } client)
        {
            return false;
        }

        byte[][]? answers = live.Run(async () =>
        {
            var all = new byte[principals.Count][];
            await Parallel.ForEachAsync(Enumerable.Range(0, principals.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (i, cancel) => all[i] = await client.ServiceLastAccessedAsync(principals[i].Principal.Arn, cancel).ConfigureAwait(false)).ConfigureAwait(false);
            return all;
        }, "Access Advisor");
        if (answers is null)
        {
            return false;
        }

        var problems = new List<string>();
        for (int i = 0; i < answers.Length; i++)
        {
            Add(answers[i], $"access advisor (live) {principals[i].Principal.Arn}", reports, problems);
        }

        foreach (string problem in problems)
        {
            reporter.Message(problem);
        }

        return problems.Count == 0;
    }

    private static void Add(byte[] bytes, string source, List<AccessAdvisorReport> reports, List<string> diagnostics)
    {
        if (AccessAdvisorReader.Read(bytes, source, out string? problem) is { } report)
        {
            reports.Add(report);
        }
        else
        {
            diagnostics.Add(problem!);
        }
    }

    /// <summary>The IAM client of a run, made when <c>--iam live</c> or <c>--access-advisor live</c> asks for it.</summary>
    private sealed class LiveIam(AwsSettings settings, ConsoleReporter reporter) : IDisposable
    {
        public IamLiveClient? Client { get; private set; }

        public bool Failed { get; private set; }

        public static LiveIam Create(ParsedArgs args, AppEnvironment env, ConsoleReporter reporter)
        {
            // IAM's endpoint: AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL or the profile's; --endpoint-url is the S3 input's.
            var live = new LiveIam(AwsSettings.FromVariables(env.Variables, profile: args.Get(S3Options.Profile.Name)), reporter);
            if (args.GetAll(UnusedSettings.Iam.Name).Contains(Live))
            {
                live.Connect();
            }

            return live;
        }

        public IamLiveClient? Connect()
        {
            if (Client is null && !Failed)
            {
                try
                {
                    Client = new IamLiveClient(new AwsClient(AwsConnection.Resolve(settings), AwsService.Iam));
                }
                catch (AwsAccessException e)
                {
                    reporter.Message("iam: " + e.Message);
                    Failed = true;
                }
            }

            return Client;
        }

        public T? Run<T>(Func<Task<T>> call, string what)
            where T : class
        {
            try
            {
                return call().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is AwsServiceException or AwsAccessException)
            {
                Failed = true;
                reporter.Message($"iam: {what}: {(e is AwsServiceException s ? s.Describe() : e.Message)}");
                return null;
            }
        }

        public void Dispose() => Client?.Dispose();
    }
}
