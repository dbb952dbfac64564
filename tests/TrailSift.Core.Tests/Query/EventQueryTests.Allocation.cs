using TrailSift.Core.Events;
using TrailSift.Core.Query;

namespace TrailSift.Core.Tests.Query;

/// <summary>Allocation facet: the common filter shapes evaluate in place, without allocating per event.</summary>
public sealed partial class EventQueryTests
{
    private const string AllocationEvent = """
        {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/r/s"},
         "eventTime":"2024-01-01T00:00:00Z","eventSource":"sqs.amazonaws.com","eventName":"CreateQueue","awsRegion":"us-east-1",
         "userAgent":"elasticmapreduce.aws.internal","errorCode":"AccessDenied",
         "requestParameters":{"queueName":"AWS-ElasticMapReduce-j-1"},"resources":[{"ARN":"arn:aws:sqs:us-east-1:111122223333:q"}]}
        """;

    [Theory]
    [InlineData(".Records[] | select (.eventName == \"RunInstances\" ) | select(.userAgent == \"elasticmapreduce.aws.internal\") | select(.errorCode == \"AccessDenied\")")]
    [InlineData(".Records[] | select(.eventName == \"CreateQueue\") | select(.errorCode == \"AccessDenied\" | not) | select(.requestParameters.queueName | contains(\"AWS-ElasticMapReduce\"))")]
    [InlineData(".eventName == \"CreateQueue\" and (.awsRegion == \"eu-west-1\" or .awsRegion == \"us-east-1\")")]
    [InlineData(".userIdentity.arn | startswith(\"arn:aws:sts::\")")]
    [InlineData(".userAgent | endswith(\".internal\")")]
    [InlineData(".resources[0].ARN != null")]
    [InlineData("has(\"errorCode\") and (.eventTime >= \"2023-12-31\")")]
    [InlineData(".eventName | test(\"^Create\")")]
    public void Should_Not_Allocate_Per_Event_When_Filter_Uses_Paths_Equality_And_String_Tests(string filter)
    {
        // Given
        IEventPredicate p = EventQuery.Compile(EventQuery.Parse(filter).Query!);
        using EventRecord record = EventRecord.Parse(AllocationEvent);
        bool first = p.Matches(record); // warm up (hot fields, regex runner)

        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (p.Matches(record) != first)
            {
                throw new InvalidOperationException("unstable result");
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        Assert.Equal(0, allocated);
    }
}
