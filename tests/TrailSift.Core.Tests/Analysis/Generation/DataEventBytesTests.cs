using System.Text;
using TrailSift.Core.Analysis.Generation;

namespace TrailSift.Core.Tests.Analysis.Generation;

public sealed class DataEventBytesTests
{
    [Theory]
    [InlineData("{\"eventCategory\":\"Data\",\"eventName\":\"GetObject\"}", true)]
    [InlineData("{\"eventCategory\" : \"Data\"}", true)]
    [InlineData("{\"managementEvent\": false}", true)]
    [InlineData("{\"eventCategory\":\"Management\",\"managementEvent\":true}", false)]
    [InlineData("{\"requestParameters\":{\"x\":\"Data\"},\"readOnly\":false}", false)]
    public void Should_Tell_Data_Events_From_Raw_Bytes(string json, bool expected)
    {
        // Given / When / Then
        Assert.Equal(expected, DataEventBytes.IsDataEvent(Encoding.UTF8.GetBytes(json)));
    }
}
