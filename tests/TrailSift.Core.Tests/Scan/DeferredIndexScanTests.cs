using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

/// <summary>
/// The scanner defers indexing while a filter's prefilter rejects most records, and stops deferring when most pass:
/// either way the selected events are exactly those the filter selects record by record.
/// </summary>
public sealed class DeferredIndexScanTests
{
    [Theory]
    [InlineData(".eventSource == \"sqs.amazonaws.com\"", 10)]  // 1 record in 10 passes: deferring stays on
    [InlineData(".eventSource == \"sqs.amazonaws.com\"", 1)]   // every record passes: deferring turns off mid-file
    [InlineData(".eventName == \"CreateQueue\" and .requestParameters.queueName == \"q-4\"", 2)]
    public void Should_Select_Same_Events_As_Record_By_Record_Filtering_When_Pass_Rate_Varies(string filter, int everyNth)
    {
        // Given: 5,000 records, every Nth from SQS, the rest from S3
        var records = new List<string>();
        for (int i = 0; i < 5000; i++)
        {
            records.Add(i % everyNth == 0
                ? new EventBuilder("sqs.amazonaws.com", "CreateQueue").With("requestParameters", System.Text.Json.Nodes.JsonNode.Parse($"{{\"queueName\":\"q-{i % 10}\"}}")).Json()
                : new EventBuilder("s3.amazonaws.com", "GetObject").Json());
        }

        IEventPredicate predicate = EventQuery.Compile(EventQuery.Parse(filter).Query!);
        var expected = new List<string>();
        foreach (string json in records)
        {
            using EventRecord record = EventRecord.Parse(json);
            if (predicate.Matches(record))
            {
                expected.Add(Encoding.UTF8.GetString(record.Utf8));
            }
        }

        // When
        var (events, problems) = ScanHelpers.ScanBytes(Encoding.UTF8.GetBytes(EventBuilder.RecordsFile(records)), predicate: predicate);

        // Then
        Assert.True(predicate.HasPrefilter);
        Assert.Empty(problems);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, events);
    }
}
