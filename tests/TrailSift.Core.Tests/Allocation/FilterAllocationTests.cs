using TrailSift.Core.Analysis.Counting;
using TrailSift.Core.Events;
using TrailSift.Core.Query;

namespace TrailSift.Core.Tests.Allocation;

/// <summary>The common filter shapes evaluate in place, without allocating per event (measured at steady state, over several batches).</summary>
[Collection(AllocationCollection.Name)]
public sealed class FilterAllocationTests
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

        // When, Then: no allocation per evaluation
        AssertNoAllocationPerEvent(p);
    }

    [Theory]
    [InlineData(".Records[] | select (.eventName == \"RunInstances\" ) | select(.userAgent == \"elasticmapreduce.aws.internal\") | select(.errorCode == \"AccessDenied\")")]
    [InlineData(".Records[] | select(.eventName == \"CreateQueue\") | select(.errorCode == \"AccessDenied\" | not) | select(.requestParameters.queueName | contains(\"AWS-ElasticMapReduce\")) | {eventTime, eventName}")]
    [InlineData(".eventName == \"CreateQueue\" and (.awsRegion == \"eu-west-1\" or .awsRegion == \"us-east-1\")")]
    [InlineData(".userIdentity.arn | startswith(\"arn:aws:sts::\")")]
    [InlineData(".resources[0].ARN != null")]
    [InlineData("has(\"errorCode\") and (.eventTime >= \"2023-12-31\")")]
    [InlineData("select(.userAgent | endswith(\".internal\"))")]
    public void Should_Not_Allocate_Per_Event_When_Query_Selects_With_A_Condition_Or_A_Records_Program(string filter)
    {
        // Given: the predicate query runs (a condition, or the events a .Records[] | select(...) program can output)
        EventFilter parsed = EventFilter.Parse(filter).Filter!;
        IEventPredicate p = parsed.Predicate.ForWorker();

        // When, Then: no allocation per evaluation
        AssertNoAllocationPerEvent(p);
    }

    [Theory]
    [InlineData("eventName")]
    [InlineData(".userIdentity.arn")]
    [InlineData(".resources[0].ARN")]
    public void Should_Not_Allocate_Per_Event_When_Count_Groups_By_A_Plain_Path(string by)
    {
        // Given: a counter whose group already exists
        EventExpression key = EventExpression.Parse(by, out _)!;
        var counter = new GroupCounter([key.WriteKey]);
        using EventRecord record = EventRecord.Parse(AllocationEvent);
        counter.Accept(record);

        // When
        long[] allocated = AllocationCollection.SteadyState(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                counter.Accept(record);
            }
        });

        // Then
        Assert.True(key.InPlace);
        Assert.All(allocated, bytes => Assert.Equal(0, bytes));
    }

    // Batches of 1000 evaluations, after warm-up to a steady state: no batch allocates anything.
    private static void AssertNoAllocationPerEvent(IEventPredicate p)
    {
        using EventRecord record = EventRecord.Parse(AllocationEvent);
        bool first = p.Matches(record);

        long[] allocated = AllocationCollection.SteadyState(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                if (p.Matches(record) != first)
                {
                    throw new InvalidOperationException("unstable result");
                }
            }
        });

        Assert.All(allocated, bytes => Assert.Equal(0, bytes));
    }
}
