using System.Net;
using System.Net.Sockets;

namespace RegionalTraining.Web.Infrastructure.RateLimiting;

/// <summary>The client address a per-address limit counts against.</summary>
public static class ClientAddress
{
    /// <summary>Shared by every request whose address is unknown (a Unix socket, a proxy not declared as such).</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// IPv4 addresses as they are; IPv6 by /64, because one subscriber usually holds a whole /64 and could otherwise
    /// take a fresh address for every request.
    /// </summary>
    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
