namespace TrailSift.Core.Analysis.Generation;

// Sessions whose events show no sessionIssuer (old or hand-made records) name their role only by name
// (assumed-role/NAME/session). `--principal ROLE-ARN` selects them for any role of that name in the account,
// whatever its path (role names are unique in an account), so each such role's policy must cover them too.
public sealed partial class PolicyEvidenceCollector
{
    /// <summary>
    /// The principals with the issuer-less sessions folded in: into every role of the same account and name that
    /// the trail shows with an issuer, or, when there is none, as the role <c>arn:…:iam::ACCOUNT:role/NAME</c> itself.
    /// </summary>
    private Dictionary<string, PrincipalActivity> Resolve()
    {
        if (_issuerless.Count == 0)
        {
            return _principals;
        }

        var view = new Dictionary<string, PrincipalActivity>(_principals, StringComparer.Ordinal);
        var copied = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string role, PrincipalActivity sessions) in _issuerless)
        {
            bool folded = false;
            foreach (string target in _principals.Keys)
            {
                if (SameRole(role, target))
                {
                    FoldInto(view, copied, target, sessions);
                    folded = true;
                }
            }

            if (!folded)
            {
                FoldInto(view, copied, role, sessions);
            }
        }

        return view;
    }

    // Never changes the collected activity: a target is copied the first time it is folded into.
    private static void FoldInto(Dictionary<string, PrincipalActivity> view, HashSet<string> copied, string key, PrincipalActivity sessions)
    {
        if (copied.Add(key))
        {
            var copy = new PrincipalActivity();
            if (view.TryGetValue(key, out PrincipalActivity? existing))
            {
                copy.Merge(existing);
            }

            view[key] = copy;
        }

        view[key].Merge(sessions);
    }

    // arn:aws:iam::1:role/NAME and arn:aws:iam::1:role/any/path/NAME: same partition, account and name.
    private static bool SameRole(string pathless, string candidate)
    {
        int role = candidate.IndexOf(":role/", StringComparison.Ordinal);
        int mine = pathless.IndexOf(":role/", StringComparison.Ordinal);
        return role > 0 && mine > 0 && string.Equals(candidate[..role], pathless[..mine], StringComparison.Ordinal)
            && string.Equals(candidate[(candidate.LastIndexOf('/') + 1)..], pathless[(mine + ":role/".Length)..], StringComparison.OrdinalIgnoreCase);
    }
}
