using Microsoft.AspNetCore.Http;
using RegionalTraining.Web.Infrastructure.Logging;

namespace RegionalTraining.UnitTests.Web;

public sealed class ClientCancellationTests
{
    [Theory]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(TaskCanceledException))]
    [InlineData(typeof(IOException))]
    public void IsClientAbort_WhenTheClientHasGone_IsTrue(Type exceptionType)
    {
        var exception = (Exception)Activator.CreateInstance(exceptionType)!;

        Assert.True(ClientCancellation.IsClientAbort(exception, Context(aborted: true)));
    }

    [Fact]
    public void IsClientAbort_ForACancellationWithTheClientStillThere_IsFalse()
    {
        // A timeout inside the portal is a real fault and stays an error.
        Assert.False(ClientCancellation.IsClientAbort(new TaskCanceledException(), Context(aborted: false)));
    }

    [Fact]
    public void IsClientAbort_ForAnotherFailureOnAnAbandonedRequest_IsFalse()
    {
        Assert.False(ClientCancellation.IsClientAbort(new InvalidOperationException(), Context(aborted: true)));
    }

    private static DefaultHttpContext Context(bool aborted) =>
        new() { RequestAborted = new CancellationToken(aborted) };
}
