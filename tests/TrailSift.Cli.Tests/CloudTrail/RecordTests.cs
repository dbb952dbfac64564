using System.Text.Json;
using TrailSift.Core.Aws;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>
/// <c>trailsift record</c> end to end: a real child process makes SDK calls to the loopback AWS, which turns them into
/// CloudTrail events delivered late, in pages, with throttling, newest first.
/// </summary>
[Collection("record")]
public sealed class RecordTests : IDisposable
{
    private readonly RecordFixture _f = new();

    [Fact]
    public void Should_Record_Exactly_The_Sessions_Calls_When_Other_Sessions_Call_In_The_Same_Window()
    {
        // Given another session of the same role calling all through the run, small pages and some throttling
        _f.Trail.PageSize = 2;
        _f.Trail.Throttle = n => n % 3 == 0;
        using var noise = new Noise(_f);

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--region", "us-east-1", "--region", "eu-west-1", "--poll", "1s", "--deadline", "60s",
            "--out", _f.Recording, .. RecordFixture.Child("sts:GetCallerIdentity", "s3:ListBuckets", "sleep=1200", "s3:CreateBucket=reports", "sts:GetCallerIdentity@eu-west-1")]);
        noise.Stop();

        // Then the recording holds the child's calls and nothing else (the oracle: the calls the loopback saw signed with the session's key)
        Assert.True(r.ExitCode == 0, r.Stderr);
        LoopbackIdentity session = Assert.Single(_f.Sts.Sessions, s => s.SessionName!.StartsWith("trailsift-", StringComparison.Ordinal));
        List<LoopbackEvent> expected = _f.CallsOf(session.AccessKeyId);
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Select(e => e.EventId).Order(), RecordFixture.Ids(_f.Recording).Order());
        Assert.True(noise.Calls > 3, $"the other session made {noise.Calls} calls");
        Assert.Contains("us-east-1: complete", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("eu-west-1: complete", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(_f.Trail.Lookups, l => l.Throttled);
        Assert.Empty(_f.Loopback.Refused);

        // And the child ran with the session, the app id and no other credentials
        Assert.All(_f.Loopback.Calls.Where(c => c.Identity == session && c.Operation != "DescribeTrails"),
            c => Assert.Contains("app/" + session.SessionName, c.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Collect_A_Service_Roles_Later_Calls_When_Asked_With_Also_And_Wait_Past_The_First_Polls()
    {
        // Given a service role that acts while the command runs, its event delivered 4 s late
        LoopbackIdentity service = new("ASIALOOPBACKEMRSVC01", "x", "t", "arn:aws:sts::123456789012:assumed-role/EMR_DefaultRole/emr-1", "AssumedRole",
            "AROAEMR:emr-1", "arn:aws:iam::123456789012:role/EMR_DefaultRole");
        LoopbackIdentity bystander = LoopbackIdentity.User("bob", "AKIALOOPBACKBOB00001", "b");
        _f.Trail.DelayOf = e => e.Identity == service ? TimeSpan.FromSeconds(4) : null;
        var acting = Task.Run(async () =>
        {
            while (!_f.Loopback.Calls.Any(c => c.Identity.SessionName?.StartsWith("trailsift-", StringComparison.Ordinal) == true && c.Operation == "GET /"))
            {
                await Task.Delay(50);
            }

            _f.Trail.Add("us-east-1", DateTimeOffset.UtcNow, service, "ec2.amazonaws.com", "RunInstances", "{\"instanceType\":\"m5.xlarge\"}");
            _f.Trail.Add("us-east-1", DateTimeOffset.UtcNow, bystander, "ec2.amazonaws.com", "RunInstances");
        });

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--also", "EMR_DefaultRole", "--region", "us-east-1", "--poll", "1s", "--deadline", "60s",
            "--out", _f.Recording, .. RecordFixture.Child("s3:ListBuckets", "sleep=1500")]);
        await acting.WaitAsync(TimeSpan.FromSeconds(10));

        // Then the service role's call is in, the bystander's is not, and the policy of the service role is printed
        Assert.True(r.ExitCode == 0, r.Stderr);
        List<string> names = [.. File.ReadAllLines(_f.Recording).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => e.GetProperty("userIdentity").GetProperty("arn").GetString() + " " + e.GetProperty("eventName").GetString())];
        Assert.Contains("arn:aws:sts::123456789012:assumed-role/EMR_DefaultRole/emr-1 RunInstances", names);
        Assert.DoesNotContain(names, n => n.Contains("user/bob", StringComparison.Ordinal));
        Assert.Contains("ec2:RunInstances", RecordFixture.Section(r.Stdout, "minimal policy of EMR_DefaultRole"), StringComparison.Ordinal);
        Assert.Contains("events so far; pending: us-east-1", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Region_Incomplete_And_Exit_2_When_Its_Sentinel_Misses_The_Deadline()
    {
        // Given eu-west-1 delivering nothing for an hour; us-east-1 with no call of the command at all
        _f.Trail.DelayOf = e => e.Region == "eu-west-1" ? TimeSpan.FromHours(1) : null;

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--region", "us-east-1", "--region", "eu-west-1", "--poll", "1s", "--deadline", "4s",
            "--out", _f.Recording, .. RecordFixture.Child("sts:GetCallerIdentity@eu-west-1")]);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("eu-west-1: INCOMPLETE", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("us-east-1: complete", r.Stderr, StringComparison.Ordinal);
        // (the SDK signs STS for us-east-1 at a custom endpoint, so the call is us-east-1's, which was delivered)
        LoopbackIdentity session = Assert.Single(_f.Sts.Sessions);
        List<LoopbackEvent> delivered = [.. _f.CallsOf(session.AccessKeyId).Where(e => e.Region == "us-east-1")];
        Assert.Equal(["GetCallerIdentity"], delivered.Select(e => e.EventName));
        Assert.Equal(delivered.Select(e => e.EventId), RecordFixture.Ids(_f.Recording));
        using var run = JsonDocument.Parse(File.ReadAllLines(_f.Recording + ".runs.ndjson").Single());
        Assert.Equal("incomplete", run.RootElement.GetProperty("regions").GetProperty("eu-west-1").GetString());
        Assert.Equal("complete", run.RootElement.GetProperty("regions").GetProperty("us-east-1").GetString());
    }

    [Fact]
    public void Should_Print_What_Policy_And_Check_Print_For_The_Recording_And_Exit_3_When_The_Candidate_Would_Deny()
    {
        // Given a candidate that allows the STS call but not the bucket creation
        string candidate = _f.Home.Write("candidate.json",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetCallerIdentity","s3:ListAllMyBuckets"],"Resource":"*"}]}""");

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--region", "us-east-1", "--poll", "1s", "--deadline", "60s", "--check", candidate,
            "--out", _f.Recording, .. RecordFixture.Child("sts:GetCallerIdentity", "s3:CreateBucket=reports", "exit=7")]);

        // Then
        Assert.True(r.ExitCode == 3, r.Stderr);
        Assert.Contains("COMMAND exited with 7", r.Stderr, StringComparison.Ordinal);
        CliRunner.Result policy = _f.Run("policy", "--principal", RecordFixture.Role, "--format", "json", _f.Recording);
        CliRunner.Result check = _f.Run("check", "--policy", candidate, "--principal", RecordFixture.Role, "--format", "text", _f.Recording);
        Assert.Equal(policy.Stdout + "\n", RecordFixture.Section(r.Stdout, "minimal policy of"));
        Assert.Equal(check.Stdout + "\n", RecordFixture.Section(r.Stdout, "check against"));
        Assert.Equal(3, check.ExitCode);
        Assert.Contains("s3:CreateBucket", policy.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sts:GetCallerIdentity", policy.Stdout, StringComparison.Ordinal); // needs no permission
    }

    [Fact]
    public void Should_Add_A_Second_Run_To_The_Recording_When_Appending()
    {
        // Given a first run
        CliRunner.Result first = _f.Record(["--role", RecordFixture.Role, "--region", "us-east-1", "--poll", "1s", "--deadline", "60s",
            "--out", _f.Recording, .. RecordFixture.Child("s3:ListBuckets")]);
        Assert.True(first.ExitCode == 0, first.Stderr);

        // When a second run is appended
        CliRunner.Result second = _f.Record(["--role", RecordFixture.Role, "--region", "us-east-1", "--poll", "1s", "--deadline", "60s",
            "--append", _f.Recording, .. RecordFixture.Child("s3:CreateBucket=logs")]);

        // Then both runs' calls are in, once each, and one policy covers both
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(2, _f.Sts.Sessions.Count);
        List<string> expected = [.. _f.Sts.Sessions.SelectMany(s => _f.CallsOf(s.AccessKeyId)).Select(e => e.EventId)];
        Assert.Equal(expected.Order(), RecordFixture.Ids(_f.Recording).Order());
        Assert.Equal(2, File.ReadAllLines(_f.Recording + ".runs.ndjson").Length);
        string policy = RecordFixture.Section(second.Stdout, "minimal policy of");
        Assert.Contains("s3:ListAllMyBuckets", policy, StringComparison.Ordinal);
        Assert.Contains("s3:CreateBucket", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Record_The_Callers_Calls_In_The_Window_When_No_Role_Is_Given()
    {
        // Given another user calling during the run
        LoopbackIdentity bob = _f.Loopback.Add(LoopbackIdentity.User("bob", "AKIALOOPBACKBOB00001", "bob-secret"));
        using var noise = new Noise(_f, bob);

        // When
        CliRunner.Result r = _f.Record(["--region", "us-east-1", "--poll", "1s", "--deadline", "60s", "--out", _f.Recording,
            .. RecordFixture.Child("s3:ListBuckets", "sleep=800", "s3:CreateBucket=data")]);
        noise.Stop();

        // Then: the caller's calls between start and end, looked up by user name; not bob's, not the caller's own lookups
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("no --role: recording the calls of arn:aws:iam::123456789012:user/admin", r.Stderr, StringComparison.Ordinal);
        List<string> expected = [.. _f.CallsOf(_f.Caller.AccessKeyId).Where(e => e.EventSource == "s3.amazonaws.com").Select(e => e.EventId)];
        Assert.Equal(2, expected.Count);
        Assert.True(expected.Order().SequenceEqual(RecordFixture.Ids(_f.Recording).Order()),
            $"expected {string.Join(", ", expected)}; recorded:\n{File.ReadAllText(_f.Recording)}\n{r.Stderr}");
        Assert.All(_f.Trail.Lookups.Where(l => !l.Throttled), l => Assert.Contains("\"Username\"", l.Body, StringComparison.Ordinal));
        Assert.True(noise.Calls > 2, $"bob made {noise.Calls} calls");
    }

    [Fact]
    public void Should_Stop_Before_Running_The_Command_When_The_Trust_Policy_Refuses_The_Source_Identity()
    {
        // Given a role whose trust policy does not allow sts:SetSourceIdentity
        _f.Sts.AllowSourceIdentity = false;

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--source-identity", "ci-42", "--out", _f.Recording, .. RecordFixture.Child("s3:ListBuckets")]);

        // Then nothing ran and nothing was written
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("trailsift record: STS: AccessDenied", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(_f.Loopback.Calls, c => c.Service == "s3");
        Assert.False(File.Exists(_f.Recording));
    }

    [Fact]
    public void Should_Set_The_Source_Identity_On_The_Session_And_In_The_Run_Line_When_Given()
    {
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--source-identity", "ci-42", "--region", "us-east-1", "--poll", "1s", "--deadline", "60s",
            "--out", _f.Recording, .. RecordFixture.Child("s3:ListBuckets")]);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("ci-42", Assert.Single(_f.Sts.Sessions).SourceIdentity);
        using var run = JsonDocument.Parse(File.ReadAllLines(_f.Recording + ".runs.ndjson").Single());
        Assert.Equal("ci-42", run.RootElement.GetProperty("sourceIdentity").GetString());
        Assert.Single(RecordFixture.Ids(_f.Recording));
    }

    public void Dispose() => _f.Dispose();

    /// <summary>Another session of the same role (or another principal) calling STS every 100 ms, through the same loopback.</summary>
    private sealed class Noise : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _task;
        private int _calls;

        public Noise(RecordFixture f, LoopbackIdentity? other = null)
        {
            _task = Task.Run(async () =>
            {
                var settings = AwsSettings.FromVariables(f.Loopback.Environment(other ?? f.Caller, f.Home.Root));
                AwsConnection caller = AwsConnection.Resolve(settings);
                if (other is null)
                {
                    AwsRoleSession session = await AwsSts.AssumeRoleAsync(caller, RecordFixture.Role, "other-session", null, TimeSpan.FromHours(1));
                    caller = caller.WithCredentials(AwsSts.Credentials(session));
                }

                using var client = new AwsClient(caller, AwsService.Sts);
                while (!_stop.IsCancellationRequested)
                {
                    await client.QueryAsync("us-east-1", "GetCallerIdentity", "2011-06-15", []);
                    Interlocked.Increment(ref _calls);
                    await Task.Delay(100);
                }
            });
        }

        public int Calls => _calls;

        public void Stop()
        {
            _stop.Cancel();
            try
            {
                _task.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }
    }
}
