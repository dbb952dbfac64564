using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>
/// What <c>unused</c> echoes on stderr (a <c>--principal</c> value, names and ARNs read from the authorization details)
/// and prints as text reaches the terminal escaped: no control sequence gets through.
/// </summary>
public sealed class UnusedTerminalSafetyTests : IDisposable
{
    private const string Osc = "\u001b]0;pwned\u0007";
    private const string OscEscaped = "\\x1b]0;pwned\\x07";
    private const string OscJson = "\\u001b]0;pwned\\u0007";
    private static readonly string Emr = Path.Combine(RepoPaths.Samples, "emr-launch");
    private static readonly string Broad = Path.Combine(RepoPaths.TestData, "iam", "authorization", "emr-broad.json");
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Should_Escape_The_Principal_When_The_Unknown_Principal_Value_Carries_A_Control_Sequence()
    {
        // When --principal names nobody and carries an OSC window-title sequence and a CSI
        CliRunner.Result r = CliRunner.Run(["unused", "--iam", Broad, "--principal", "x" + Osc + "\u009b31m", Emr]);

        // Then the error line shows it escaped
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--principal: x" + OscEscaped + "\\u009b31m is not a user or role", r.Stderr, StringComparison.Ordinal);
        AssertNoControls(r.Stderr);
    }

    [Fact]
    public void Should_Escape_Names_From_The_Authorization_Details_When_Diagnostics_And_Text_Quote_Them()
    {
        // Given authorization details whose role name (and so ARN) carries the OSC sequence, listed twice
        string role = """
            {"RoleName":"r%X","Arn":"arn:aws:iam::123456789012:role/r%X","AssumeRolePolicyDocument":{},
             "RolePolicyList":[{"PolicyName":"p%X","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"sqs:CreateQueue","Resource":"*"}]}}],
             "AttachedManagedPolicies":[]}
            """.Replace("%X", OscJson + "\\u202e", StringComparison.Ordinal);
        string authz = _tree.Write("authz.json", "{\"UserDetailList\":[],\"GroupDetailList\":[],\"Policies\":[],\"RoleDetailList\":[" + role + "," + role + "]}");

        // When its text report is written for a terminal
        CliRunner.Result r = CliRunner.Run(["unused", "--iam", authz, Emr], terminal: true);

        // Then the duplicate's diagnostic and the report show the name escaped, and nothing else is a control character
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("role/r" + OscEscaped + "\\u202e appears more than once", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("role/r" + OscEscaped + "\\u202e", r.Stdout, StringComparison.Ordinal);
        AssertNoControls(r.Stderr);
        AssertNoControls(r.Stdout);

        // And the Terraform output's comment naming the principal holds no control or bidirectional character either
        CliRunner.Result tf = CliRunner.Run(["unused", "--iam", authz, "--format", "terraform", Emr]);
        Assert.Equal(0, tf.ExitCode);
        Assert.Contains("# arn:aws:iam::123456789012:role/r ]0;pwned  : reduced policy by trailsift unused", tf.Stdout, StringComparison.Ordinal);
        AssertNoControls(tf.Stdout);
    }

    private static void AssertNoControls(string text)
    {
        foreach (char c in text)
        {
            Assert.False(c != '\n' && (char.IsControl(c) || c == '\u202e'), $"U+{(int)c:X4} in:\n{text}");
        }
    }
}
