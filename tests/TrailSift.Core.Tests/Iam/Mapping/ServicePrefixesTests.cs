using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>An event source's IAM prefix, remembered by its text, is the one computed from it.</summary>
public sealed class ServicePrefixesTests
{
    [Fact]
    public void Should_Answer_As_Computed_When_Sources_Recur_In_Any_Case_Or_Are_No_Aws_Host()
    {
        // Given: sources of every kind, each asked three times, as equal strings made anew
        string[] sources =
        [
            "s3.amazonaws.com", "S3.AMAZONAWS.COM", "monitoring.amazonaws.com", "Monitoring.amazonaws.com", "runtime.lex.amazonaws.com",
            "signin.amazonaws.com", ".amazonaws.com", "amazonaws.com", "example.com", "", "ec2.amazonaws.com.evil", "İam.amazonaws.com",
        ];
        for (int round = 0; round < 3; round++)
        {
            foreach (string source in sources)
            {
                string asked = new([.. source]);

                // When / Then
                Assert.Equal(ServicePrefixes.Compute(source), ServicePrefixes.FromEventSource(asked));
            }
        }
    }
}
