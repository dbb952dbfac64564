using System.Text;
using TrailSift.Core.Events;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Events;

public sealed class DataEventsTests
{
    [Theory]
    [InlineData("{\"eventCategory\":\"Data\",\"eventName\":\"GetObject\"}", true)]
    [InlineData("{\"eventCategory\" : \"Data\"}", true)]
    [InlineData("{\"managementEvent\": false}", true)]
    [InlineData("{\"eventCategory\":\"Management\",\"managementEvent\":true}", false)]
    [InlineData("{\"requestParameters\":{\"x\":\"Data\"},\"readOnly\":false}", false)]
    public void Should_Tell_Data_Events_From_Raw_Bytes_Without_Missing_One(string json, bool dataEvent)
    {
        // A prefilter may let more through, never fewer
        Assert.Equal(dataEvent, DataEvents.MayBeDataEvent(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"eventCategory":"Data"}""", true)]
    [InlineData("""{"managementEvent":false}""", true)]
    [InlineData("""{"eventCategory":"Management","managementEvent":true}""", false)]
    [InlineData("""{"requestParameters":{"eventCategory":"Data"},"eventCategory":"Management"}""", false)]
    public void Should_Read_Only_The_Top_Level_Fields_When_The_Event_Is_Parsed(string fields, bool dataEvent)
    {
        // Given an event with those fields
        var json = System.Text.Json.Nodes.JsonNode.Parse(new EventBuilder().Json())!.AsObject();
        foreach (var field in System.Text.Json.Nodes.JsonNode.Parse(fields)!.AsObject().ToList())
        {
            json[field.Key] = field.Value?.DeepClone();
        }

        // When
        using EventRecord record = EventRecord.Parse(json.ToJsonString());

        // Then
        Assert.Equal(dataEvent, DataEvents.IsDataEvent(record));
    }
}
