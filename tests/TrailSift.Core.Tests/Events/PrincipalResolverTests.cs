using TrailSift.Core.Events;

namespace TrailSift.Core.Tests.Events;

public sealed class PrincipalResolverTests
{
    [Theory]
    // 1. a session's issuer: the role with its path
    [InlineData("""{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/app/s1","accountId":"111122223333","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/team/app","userName":"app"}}}""",
        CallerKind.Role, "arn:aws:iam::111122223333:role/team/app", "arn:aws:iam::111122223333:role/team/app")]
    // 2. a session without an issuer: the role of its session ARN (no path)
    [InlineData("""{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/app/s1","accountId":"111122223333"}""",
        CallerKind.Role, "arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app")]
    // ... also when the record leaves the type out
    [InlineData("""{"arn":"arn:aws:sts::111122223333:assumed-role/app/s1"}""",
        CallerKind.Role, "arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/app")]
    // 3. the caller's own ARN
    [InlineData("""{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/dev/alice","userName":"alice","accountId":"111122223333"}""",
        CallerKind.User, "arn:aws:iam::111122223333:user/dev/alice", "arn:aws:iam::111122223333:user/dev/alice")]
    [InlineData("""{"type":"Root","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"}""",
        CallerKind.Root, "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root")]
    // a federated user's issuer is its IAM user
    [InlineData("""{"type":"FederatedUser","arn":"arn:aws:sts::111122223333:federated-user/bob","sessionContext":{"sessionIssuer":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","userName":"alice"}}}""",
        CallerKind.Federated, "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice")]
    // 4. the root user without an ARN
    [InlineData("""{"type":"Root","accountId":"111122223333","principalId":"111122223333"}""",
        CallerKind.Root, "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root")]
    // 5. no key: a service (shown as the invoking service), another account, anonymous, web identity, nothing
    [InlineData("""{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}""", CallerKind.Service, null, "ec2.amazonaws.com")]
    [InlineData("""{"type":"AWSService"}""", CallerKind.Service, null, "AWSService")]
    [InlineData("""{"type":"AWSAccount","principalId":"AIDAEXAMPLE","accountId":"444455556666"}""", CallerKind.Account, null, "AWSAccount:444455556666")]
    [InlineData("""{"type":"AWSAccount","principalId":"","accountId":"anonymous"}""", CallerKind.Anonymous, null, "AWSAccount:anonymous")]
    [InlineData("""{"type":"WebIdentityUser","principalId":"accounts.google.com:app:sub","userName":"sub","identityProvider":"accounts.google.com"}""",
        CallerKind.Federated, null, "WebIdentityUser:sub")]
    [InlineData("""null""", CallerKind.Unknown, null, "unknown")]
    public void Should_Resolve_One_Principal_In_The_Documented_Order_When_An_Event_Names_Its_Caller(
        string userIdentity, CallerKind kind, string? key, string display)
    {
        // Given an event with that userIdentity
        using EventRecord record = EventRecord.Parse($$"""{"eventVersion":"1.08","userIdentity":{{userIdentity}},"eventName":"GetObject"}""");

        // When
        ResolvedPrincipal caller = PrincipalResolver.Resolve(record);

        // Then
        Assert.Equal(kind, caller.Kind);
        Assert.Equal(key, caller.Key);
        Assert.Equal(display, caller.Display);
    }

    [Theory]
    // a repeated name: the last occurrence, as GetProperty reads it (the identity is read in one walk)
    [InlineData("""{"type":"IAMUser","arn":"arn:aws:iam::1:user/first","arn":"arn:aws:iam::1:user/last","accountId":"1"}""",
        "arn:aws:iam::1:user/last", null, "last", "IAMUser")]
    [InlineData("""{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/r/s","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::1:role/a","userName":"a","arn":"arn:aws:iam::1:role/b"}},"type":"Root"}""",
        "arn:aws:sts::1:assumed-role/r/s", "arn:aws:iam::1:role/b", "s", "Root")]
    // escaped names read as their decoded text
    [InlineData("""{"\u0074ype":"IAMUser","\u0061rn":"arn:aws:iam::1:user/x","user\u004eame":"named","sessionContext":{"sessionIssuer":{"\u0061rn":"arn:aws:iam::1:role/i"}}}""",
        "arn:aws:iam::1:user/x", "arn:aws:iam::1:role/i", "named", "IAMUser")]
    // names that only look alike, and values of other kinds
    [InlineData("""{"arnX":"no","Arn":"no","type":7,"userName":null,"sessionContext":[1]}""", null, null, null, null)]
    public void Should_Read_The_Last_Of_Each_Name_When_The_Identity_Repeats_Or_Escapes_Names(
        string userIdentity, string? arn, string? issuerArn, string? name, string? type)
    {
        // Given an event with that userIdentity
        using EventRecord record = EventRecord.Parse($$"""{"userIdentity":{{userIdentity}}}""");

        // When its identities are read
        PrincipalIdentity identity = PrincipalIdentity.From(record.UserIdentity);

        // Then each is the decoded value of the last property of that name
        Assert.Equal(arn, identity.Arn);
        Assert.Equal(issuerArn, identity.IssuerArn);
        Assert.Equal(name, identity.Name);
        Assert.Equal(type, identity.Type);
    }
}
