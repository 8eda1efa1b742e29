using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.IntegrationTests.Meetings.Attachments;

public sealed class MeetingAttachmentServiceTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private Task<Result> AddAsync(AccessScope scope, byte[] content, string name = "photo.png") =>
        _world.Attachments().AddAsync(scope, _world.MeetingId, new MemoryStream(content), name, " Photo de groupe ");

    [Fact]
    public async Task Add_APhoto_IsStoredUnderARandomName_AndReadableByStaffOnlyUntilPublished()
    {
        Assert.True((await AddAsync(_world.Staff, Png)).Succeeded);
        var id = await _world.WithDbAsync(db => db.MeetingAttachments.Select(a => a.Id).SingleAsync());

        var staff = await _world.Attachments().ReadableAsync(_world.Staff, id);
        var anonymousBefore = await _world.Attachments().ReadableAsync(AccessScope.Anonymous, id);
        await _world.SummaryAsync(SummaryStatus.Published);
        var anonymousAfter = await _world.Attachments().ReadableAsync(AccessScope.Anonymous, id);

        Assert.Equal("image/png", staff!.ContentType);
        Assert.Equal(Png, _world.Files.Files[staff.StoredName]);
        Assert.Null(anonymousBefore);
        Assert.NotNull(anonymousAfter);
    }

    [Theory]
    [InlineData(0, Messages.AttachmentEmpty)]
    [InlineData(20, Messages.AttachmentWrongType)]
    public async Task Add_AnEmptyOrUnrecognisedFile_IsInvalidOnTheFile(int length, string message)
    {
        var result = await AddAsync(_world.Staff, new byte[length], "notes.txt");

        Assert.Equal((ResultStatus.Invalid, "File", message), (result.Status, result.Errors.Single().Field, result.Errors.Single().MessageKey));
        Assert.Empty(_world.Files.Files);
    }

    [Fact]
    public async Task Add_LargerThanTheLimit_IsInvalidWithoutReadingItAll()
    {
        var result = await AddAsync(_world.Staff, [.. Png, .. new byte[AttachmentRules.MaximumBytes]]);

        Assert.Equal(Messages.AttachmentTooLarge, result.Errors.Single().MessageKey);
    }

    [Fact]
    public async Task AddOrRemove_ByAnotherDirectorate_IsNotFound_AndRemoveDeletesTheFile()
    {
        await AddAsync(_world.Staff, Png);
        var id = await _world.WithDbAsync(db => db.MeetingAttachments.Select(a => a.Id).SingleAsync());

        Assert.Equal(ResultStatus.NotFound, (await AddAsync(_world.OtherStaff, Png)).Status);
        Assert.Equal(ResultStatus.NotFound, (await _world.Attachments().RemoveAsync(_world.OtherStaff, _world.MeetingId, id)).Status);
        Assert.True((await _world.Attachments().RemoveAsync(_world.Staff, _world.MeetingId, id)).Succeeded);
        Assert.Empty(_world.Files.Files);
    }
}
