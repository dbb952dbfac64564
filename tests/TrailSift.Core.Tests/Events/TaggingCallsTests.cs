using System.Text;
using TrailSift.Core.Events;

namespace TrailSift.Core.Tests.Events;

public sealed class TaggingCallsTests
{
    [Theory]
    [InlineData("CreateTags", true, false)]
    [InlineData("TagResource", true, false)]
    [InlineData("TagQueue", true, false)]
    [InlineData("AddTagsToResource", true, false)]
    [InlineData("DeleteTags", false, true)]
    [InlineData("UntagResource", false, true)]
    [InlineData("RemoveTagsFromResource", false, true)]
    [InlineData("Tagging", false, false)]
    [InlineData("Untagged", false, false)]
    [InlineData("RunInstances", false, false)]
    [InlineData("GetTagKeys", false, false)]
    public void Should_Classify_A_Call_By_Its_Name_When_It_Adds_Or_Removes_Tags(string eventName, bool adds, bool removes)
    {
        Assert.Equal(adds, TaggingCalls.AddsTags(eventName));
        Assert.Equal(adds, TaggingCalls.AddsTags(Encoding.UTF8.GetBytes(eventName)));
        Assert.Equal(removes, TaggingCalls.RemovesTags(eventName));
        Assert.Equal(adds || removes, TaggingCalls.ChangesTags(eventName));
    }
}
