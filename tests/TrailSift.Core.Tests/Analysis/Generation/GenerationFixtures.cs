using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>Hand-made required permissions and evidence for generation tests.</summary>
internal static class GenerationFixtures
{
    public const string Role = "arn:aws:iam::123456789012:role/app";

    public static long Ticks(int day, int hour = 10) => new DateTime(2025, 6, day, hour, 0, 0, DateTimeKind.Utc).Ticks;

    public static CallPermissions Mapped(params RequiredPermission[] tuples) => new(CallKind.Mapped, tuples);

    public static RequiredPermission P(string action, string resource, string? type = null, bool implied = false) =>
        new(action, resource, type, PermissionSource.RequestParameter, Implied: implied);

    /// <summary>Evidence of <see cref="Role"/> from one allowed call per tuple.</summary>
    public static PrincipalEvidence Evidence(params RequiredPermission[] tuples)
    {
        var c = new PolicyEvidenceCollector(reader: null);
        foreach (RequiredPermission t in tuples)
        {
            c.Add(Role, "x.amazonaws.com", t.Action.Split(':')[1], Ticks(3), ErrorClass.None, Mapped(t));
        }

        return c.Principals()[0];
    }

    public static InputFacts Facts { get; } = new() { Events = 10, DataEvents = 1 };
}
