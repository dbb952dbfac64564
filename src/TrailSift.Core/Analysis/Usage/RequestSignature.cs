using System.Text;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// What makes two allowed requests different to any policy built from a principal's current policies: the action, the
/// resource and how it is matched, the accounts, and the value (or unknownness, or absence) of every context key those
/// policies read. The reduced policy keeps conditions of the current statements only, so it reads no other key either.
/// Keys no policy reads (the time, the source address, the session name) do not split requests, which keeps the
/// verification's memory per distinct request, not per call.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class RequestSignature
{
    public static string Of(RequestContext request, IReadOnlyList<string> policyKeys)
    {
        var text = new StringBuilder(128);
        text.Append(request.Action).Append('\u001f').Append(request.Resource).Append('\u001f').Append((int)request.ResourceMatch)
            .Append('\u001f').Append(request.PrincipalAccount).Append('\u001f').Append(request.ResourceAccount)
            .Append('\u001f').Append(request.IsWildcardOnlyAction ? '1' : '0');
        foreach (string key in policyKeys)
        {
            text.Append('\u001e');
            if (request.IsUnknown(key))
            {
                text.Append('?');
            }
            else if (request.TryGetValue(key, out ContextValue value))
            {
                text.Append('=').Append(value.Count);
                foreach (string v in value.Values)
                {
                    text.Append('\u001f').Append(v);
                }
            }
        }

        return text.ToString();
    }
}
