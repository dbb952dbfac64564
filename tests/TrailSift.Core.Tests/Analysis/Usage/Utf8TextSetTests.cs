using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The resource texts a principal's uses keep (<see cref="Utf8TextSet"/>): each distinct text once, given back exactly as
/// added, whatever it holds.
/// </summary>
public sealed class Utf8TextSetTests
{
    public static TheoryData<string> Texts => new()
    {
        "arn:aws:s3:::acme-emr-logs/events/2025/06/01/01/part-97989-eabc8ba9.jpg",
        string.Empty,
        "arn:aws:s3:::bücher/日本語/😀.txt",
        "arn:aws:s3:::b/lone\ud800surrogate",
        "arn:aws:s3:::b/reversed\udc00\ud800pair",
        "arn:aws:s3:::b/lone\ud800/in-the-folder.txt",
        "arn:aws:s3:::b/folder/",
        "/",
        "no-folder",
        new string('k', 70_000),
        new string('f', 70_000) + "/key",
        "arn:aws:s3:::b/" + new string('é', 300) + "/" + new string('日', 300),
        "arn:aws:s3:::b/1/2/3/4/5/6/7/8/9/10/11/12/deep.txt",
        "arn:aws:s3:::b/1/2/3/4/5/6/7/8/9/10/11/12/",
        "arn:aws:s3:::b/odd\ud800/2/3/key",
        "//",
        "a//b/",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Should_Give_Back_The_Exact_Text_When_Added_Once_Or_Again(string text)
    {
        // Given: a set holding other texts around it
        var set = new Utf8TextSet();
        set.Add("arn:aws:s3:::before");

        // When
        int id = set.Add(text);
        set.Add("arn:aws:s3:::after");
        int again = set.Add(new string(text.AsSpan()));

        // Then
        Assert.Equal(id, again);
        Assert.Equal(text, set.Text(id));
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Should_Number_Each_Distinct_Text_Once_When_Many_Are_Added()
    {
        // Given: 50,000 texts, each added twice in a different order (chunks fill and the slots grow many times)
        string[] texts = [.. Enumerable.Range(0, 50_000).Select(static i => $"arn:aws:s3:::bucket/{i % 97}/part-{i:D6}.json")];
        var set = new Utf8TextSet();

        // When
        int[] first = [.. texts.Select(set.Add)];
        int[] second = [.. texts.Reverse().Select(set.Add)];

        // Then
        Assert.Equal(texts.Length, set.Count);
        Assert.Equal(first, second.Reverse());
        Assert.Equal(texts.Length, first.Distinct().Count());
        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.Equal(texts[i], set.Text(first[i])));
    }

    [Fact]
    public void Should_Number_Texts_As_A_Dictionary_Does_When_The_Slots_Grow_With_Odd_Texts_Between()
    {
        // Given: 30,000 texts, every 13th odd (a lone surrogate: kept as a string, with no slot), in shared folders, each
        // added twice in two orders; the slots grow many times (from the hashes kept per text), numbered as a dictionary
        // numbers them in the order first seen
        string[] texts = [.. Enumerable.Range(0, 30_000).Select(static i => i % 13 == 0
            ? $"arn:aws:s3:::b/odd\ud800/{i % 7}/key-{i}"
            : $"arn:aws:s3:::bucket/{i % 89}/{i % 5}/part-{i:D6}.json")];
        var oracle = new Dictionary<string, int>(StringComparer.Ordinal);
        var set = new Utf8TextSet();

        // When
        int[] ids = [.. texts.Concat(texts.Reverse()).Select(set.Add)];
        int[] expected = [.. texts.Concat(texts.Reverse()).Select(t => oracle.TryGetValue(t, out int id) ? id : oracle[t] = oracle.Count)];

        // Then
        Assert.Equal(expected, ids);
        Assert.Equal(oracle.Count, set.Count);
        Assert.All(oracle, pair => Assert.Equal(pair.Key, set.Text(pair.Value)));
    }

    [Fact]
    public void Should_Give_Back_Every_Text_When_Folders_Repeat_Or_Not()
    {
        // Given: texts in 20,000 distinct folders (each folder shared by two keys, one folder holding a lone surrogate,
        // one folder longer than the stack buffer), texts that end alike under other folders or are the folders of others
        // (kept one level deeper too), texts deeper than the levels of folders; added in one order, looked up in another
        string deep = string.Concat(Enumerable.Range(0, 12).Select(static i => $"d{i}/")) + "key";
        string[] texts = [.. Enumerable.Range(0, 40_000).Select(static i => i switch
        {
            7 => "arn:aws:s3:::b/odd\ud800folder/key-7",
            11 => $"arn:aws:s3:::b/{new string('ß', 400)}/key-11",
            _ => $"arn:aws:s3:::bucket/{i / 2:D5}/päth/part-{i:D6}.json",
        }),
            "arn:aws:s3:::x/a/key", "arn:aws:s3:::y/a/key", "arn:aws:s3:::a/key", "a/key", "/a/key", "key", "arn:aws:s3:::x/a/",
            "arn:aws:s3:::x/", "arn:aws:s3:::x/a", "arn:aws:s3:::xa/key", "arn:aws:s3:::x/a/key/", "arn:aws:s3:::bucket/00001/",
            deep, deep[1..], "x" + deep];
        var set = new Utf8TextSet();

        // When
        int[] ids = [.. texts.Select(set.Add)];
        int[] again = [.. texts.Reverse().Select(static t => new string(t.AsSpan())).Select(set.Add)];

        // Then
        Assert.Equal(texts.Length, set.Count);
        Assert.Equal(ids, again.Reverse());
        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.Equal(texts[i], set.Text(ids[i])));
    }

    [Fact]
    public void Should_Number_A_Text_Copied_From_Another_Set_As_If_Added_As_Text()
    {
        // Given: another set holding every kind of text (odd, long, without folder, in shared or own folders), and this set
        // holding some of them already, added in another order
        string[] texts = [.. ((IEnumerable<object?[]>)Texts).Select(static row => (string)row[0]!), "*", "arn:aws:s3:::no-folder-here", "trailing/",
            .. Enumerable.Range(0, 3_000).Select(static i => $"arn:aws:s3:::bucket/{i % 50}/ü/part-{i:D5}.json")];
        var other = new Utf8TextSet();
        int[] theirs = [.. texts.Select(other.Add)];
        var mine = new Utf8TextSet();
        int[] some = [.. texts.Where(static (_, i) => i % 3 == 0).Reverse().Select(mine.Add)];

        // When
        int[] copied = [.. theirs.Select(id => mine.Add(other, id))];

        // Then: the numbers adding the texts gives, and the texts back exactly
        Assert.Equal(copied, texts.Select(mine.Add));
        Assert.Equal(texts.Distinct().Count(), mine.Count);
        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.Equal(texts[i], mine.Text(copied[i])));
    }

    [Fact]
    public void Should_Make_Each_Text_Once_When_A_Made_Array_Is_Shared()
    {
        // Given: texts of every kind, and the array the builders of one principal's uses and requests share
        string[] texts =
        [
            "arn:aws:s3:::b/folder/key.txt", "arn:aws:s3:::b/folder/other.txt", "arn:aws:s3:::b/lone\ud800/in-the-folder.txt",
            string.Empty, "no-folder", new string('f', 70_000) + "/key",
        ];
        var set = new Utf8TextSet();
        int[] ids = [.. texts.Select(set.Add)];
        var made = new string?[set.Count];

        // When
        string[] first = [.. ids.Select(id => set.Text(id, made))];
        string[] second = [.. ids.Reverse().Select(id => set.Text(id, made)).Reverse()];

        // Then: the exact texts, one string each however often asked for
        Assert.Equal(texts, first);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(first, ids.Select(id => set.Text(id, made: null)));
    }

    [Fact]
    public void Should_Number_A_Text_As_Before_When_The_Same_String_Or_An_Equal_One_Is_Added_Again_In_A_Row()
    {
        // Given: a set, a text and an equal text in another string
        var set = new Utf8TextSet();
        string text = "arn:aws:s3:::bucket/folder/key.json";
        string equal = new([.. text]);
        int first = set.Add(text);

        // When: added again as the same string, as an equal one, between others, and copied from another set
        int same = set.Add(text);
        int byContent = set.Add(equal);
        int other = set.Add("arn:aws:s3:::bucket/folder/other.json");
        int afterOther = set.Add(text);
        var copy = new Utf8TextSet();
        int copied = copy.Add(set, other);

        // Then: one number per distinct text, each text given back
        Assert.Equal([first, first, first], [same, byContent, afterOther]);
        Assert.NotEqual(first, other);
        Assert.Equal(2, set.Count);
        Assert.Equal(other, set.Add("arn:aws:s3:::bucket/folder/other.json"));
        Assert.Equal("arn:aws:s3:::bucket/folder/other.json", copy.Text(copied));
        Assert.Equal(text, set.Text(first));
    }
}
