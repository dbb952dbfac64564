using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// Hand-written differential cases for the options of <c>trailsift jq</c> (tests/data/jq/cli.cases), jq's runtime error
/// messages (errors.cases) and its syntax errors (syntax.cases), each compared with jq 1.7.1 (jq-wasm).
/// </summary>
public sealed class JqCliCaseTests
{
    [JqReferenceFact]
    public void Should_BehaveAsJq171_When_RunningTheOptionCases()
    {
        // Given the option cases, at least three per option
        var cases = JqCaseFile.Load("cli.cases");
        Assert.All(cases.GroupBy(c => c.Section), g => Assert.True(g.Count() >= 3, g.Key + " has fewer than three cases"));
        using JqReference reference = JqReference.Start();

        // When both run them
        var outcomes = JqCaseRunner.Run(reference, cases);

        // Then stdout, stderr and the exit status agree
        JqBuiltinCaseTests.AssertAgreement("cli.cases", "jq-cases-cli.txt", reference, outcomes);
    }

    [JqReferenceFact]
    public void Should_PrintJq171sErrorMessages_When_RunningTheErrorCases()
    {
        // Given programs raising jq's runtime errors / When both run them / Then the messages agree byte for byte
        RunAndCompare("errors.cases", "jq-cases-errors.txt", _ => { });
    }

    [JqReferenceFact]
    public void Should_PrintJq171sSyntaxErrorText_When_ParsingBrokenPrograms()
    {
        // Given broken programs / When both run them / Then both refuse them with exit 3 and the same message text
        // (TrailSift adds the column and a caret)
        RunAndCompare("syntax.cases", "jq-cases-syntax.txt", outcomes =>
            Assert.All(outcomes, o => Assert.True(o.Ours.ExitCode != 3 || o.Ours.Stderr.Contains("^\n", StringComparison.Ordinal), o.Describe())));
    }

    private static void RunAndCompare(string file, string report, Action<List<JqCaseRunner.Outcome>> alsoCheck)
    {
        var cases = JqCaseFile.Load(file);
        using JqReference reference = JqReference.Start();
        var outcomes = JqCaseRunner.Run(reference, cases);
        alsoCheck(outcomes);
        JqBuiltinCaseTests.AssertAgreement(file, report, reference, outcomes);
    }
}
