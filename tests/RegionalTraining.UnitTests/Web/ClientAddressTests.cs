using System.Net;
using RegionalTraining.Web.Infrastructure.RateLimiting;

namespace RegionalTraining.UnitTests.Web;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void PartitionKey_KeepsIPv4AndGroupsIPv6By64(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.PartitionKey(IPAddress.Parse(address)));

    [Fact]
    public void PartitionKey_OfTwoAddressesInOneIPv6Subnet_IsTheSame() =>
        Assert.Equal(
            ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:2::1")),
            ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:2:ffff::9")));

    [Fact]
    public void PartitionKey_WithoutAnAddress_IsOneSharedBucket() =>
        Assert.Equal(ClientAddress.Unknown, ClientAddress.PartitionKey(null));
}
