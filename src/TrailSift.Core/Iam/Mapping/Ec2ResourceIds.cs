using System.Collections.Frozen;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// The EC2 resource type an id names, from its prefix (<c>i-</c> instance, <c>sg-</c> security group,
/// <c>vol-</c> volume, …), for calls such as <c>CreateTags</c> that take ids of any type.
/// </summary>
/// <remarks>Static and frozen; thread-safe.</remarks>
internal static class Ec2ResourceIds
{
    internal static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["i"] = "instance", ["vol"] = "volume", ["sg"] = "security-group", ["subnet"] = "subnet", ["vpc"] = "vpc",
        ["ami"] = "image", ["snap"] = "snapshot", ["eni"] = "network-interface", ["igw"] = "internet-gateway",
        ["rtb"] = "route-table", ["acl"] = "network-acl", ["eipalloc"] = "elastic-ip", ["key"] = "key-pair",
        ["lt"] = "launch-template", ["nat"] = "natgateway", ["pcx"] = "vpc-peering-connection", ["tgw"] = "transit-gateway",
        ["tgw-attach"] = "transit-gateway-attachment", ["tgw-rtb"] = "transit-gateway-route-table", ["vpce"] = "vpc-endpoint",
        ["dopt"] = "dhcp-options", ["eigw"] = "egress-only-internet-gateway", ["sir"] = "spot-instances-request",
        ["h"] = "dedicated-host", ["cr"] = "capacity-reservation", ["pl"] = "prefix-list", ["vgw"] = "vpn-gateway",
        ["cgw"] = "customer-gateway", ["vpn"] = "vpn-connection", ["fl"] = "vpc-flow-log", ["fleet"] = "fleet",
        ["sfr"] = "spot-fleet-request", ["sgr"] = "security-group-rule", ["cvpn-endpoint"] = "client-vpn-endpoint",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The resource type of <paramref name="id"/> among <paramref name="action"/>'s types, or null.</summary>
    public static ResourceTypeInfo? TypeOf(ActionInfo action, string id)
    {
        int dash = id.LastIndexOf('-');
        if (dash <= 0 || !Types.TryGetValue(id[..dash], out string? name))
        {
            return null;
        }

        foreach (ActionResourceType type in action.ResourceTypes)
        {
            if (type.ResourceType is { } info && info.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return info;
            }
        }

        return null;
    }
}
