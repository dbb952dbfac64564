using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Core.Tests.Events;

/// <summary>
/// An event is classified as its error code and message are (the record path reads the message only when the code
/// does not decide, and the code through the thread's text cache): the string overload is the oracle.
/// </summary>
public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", "User: x is not authorized to perform: s3:GetObject")]
    [InlineData("AccessDenied", null)]
    [InlineData("accessdenied", "anything")]
    [InlineData("Client.DryRunOperation", "Request would have succeeded")]
    [InlineData("ExpiredToken", "is not authorized to perform")]
    [InlineData("ValidationException", "User: arn is not authorized to perform: x")]
    [InlineData("ValidationException", "bad value")]
    [InlineData("NoSuchKey", null)]
    [InlineData("Throttling", "with an explicit deny in a policy")]
    [InlineData("Acc\u00e9ssDenied", "not authorized to perform")]
    public void Should_Classify_An_Event_As_Its_Code_And_Message_When_Read_From_The_Record(string? code, string? message)
    {
        // Given an event with the code and message (absent when null)
        var fields = new Dictionary<string, string> { ["eventName"] = "GetObject" };
        if (code is not null)
        {
            fields["errorCode"] = code;
        }

        if (message is not null)
        {
            fields["errorMessage"] = message;
        }

        using EventRecord record = EventRecord.Parse(JsonSerializer.Serialize(fields));

        // When it is classified, twice (the second reads cached texts)
        ErrorClass first = ErrorClassifier.Classify(record);
        ErrorClass second = ErrorClassifier.Classify(record);

        // Then both are the class of the code and message
        Assert.Equal(ErrorClassifier.Classify(code, message), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Should_Classify_As_None_When_The_Code_Is_Not_A_String()
    {
        using EventRecord record = EventRecord.Parse("""{"errorCode":42,"errorMessage":"not authorized to perform"}""");

        Assert.Equal(ErrorClass.None, ErrorClassifier.Classify(record));
    }
}
