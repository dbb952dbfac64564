namespace TrailSift.Core.Analysis.Denied.Messages;

/// <content>The mutable draft a parse fills in before it is frozen into a <see cref="DeniedMessage"/>.</content>
public static partial class DeniedMessageParser
{
    private sealed class Draft
    {
        private readonly List<string> _notes = [];

        public string? Principal;
        public string? Action;
        public bool ActionInferred;
        public string? Resource;
        public DeniedReason Reason;
        public bool ExplicitDeny;
        public string? PolicyTypeText;
        public string? PolicyType;
        public DeniedMessageFormat Format;
        public bool HasEncodedMessage;
        public bool EncodedMessageTruncated;
        public bool HasReasonClause;

        public bool IsS3Resource =>
            Resource is { } r && r.StartsWith("arn:", StringComparison.Ordinal) && r.Contains(":s3:", StringComparison.Ordinal);

        public void Note(string note)
        {
            if (!_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }

        public void SetVpcEndpoint(bool explicitDeny)
        {
            Reason = DeniedReason.VpcEndpoint;
            ExplicitDeny = explicitDeny;
            PolicyType ??= "VPC endpoint policy";
            Note(DeniedMessageNotes.VpcEndpoint);
        }

        public DeniedMessage ToMessage() => new()
        {
            Principal = Principal,
            Action = Action,
            ActionInferred = ActionInferred,
            Resource = Resource,
            Reason = Reason,
            ExplicitDeny = ExplicitDeny,
            PolicyTypeText = PolicyTypeText,
            PolicyType = PolicyType,
            Format = Format,
            HasEncodedMessage = HasEncodedMessage,
            EncodedMessageTruncated = EncodedMessageTruncated,
            Notes = _notes.AsReadOnly(),
        };
    }
}
