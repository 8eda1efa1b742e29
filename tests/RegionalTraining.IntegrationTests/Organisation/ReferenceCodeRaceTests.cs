using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Organisation;

/// <summary>
/// A code given twice at once (two administrators, or a double click): the unique index on the code lets the first
/// in, and the other save is refused with the message its check gives when the code is taken, under the code, as it
/// would have been by coming second. Everything made here is removed afterwards.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReferenceCodeRaceTests(RegionalTrainingFactory factory)
{
    private static readonly AccessScope Admin = new("race", new HashSet<string> { Roles.Administrator }, null, new HashSet<int>());

    [Fact]
    public async Task ProgrammeCreate_TwiceRacingWithTheSameCode_TheLoserIsToldTheCodeIsTaken()
    {
        var code = "RACE-P-" + Guid.NewGuid().ToString("N")[..6];
        var sector = await factory.WithDbAsync(db => db.Sectors.Select(s => s.Id).FirstAsync());
        ProgrammeInput Input(string name) => new(code, sector, TrainingLevel.Technician, name, "برنامج " + name, 24, true);

        try
        {
            var (outer, inner) = await factory.RaceAsync<ReferenceDataService, Result<byte[]>, Result<byte[]>>(
                service => service.SaveProgrammeAsync(null, Input("Perdant"), null),
                service => service.SaveProgrammeAsync(null, Input("Gagnant"), null));

            AssertCodeTaken(outer, inner, Messages.ProgrammeCodeTaken);
            Assert.Equal(["Gagnant"], await factory.WithDbAsync(db => db.Programmes.Where(p => p.Code == code).Select(p => p.NameFr).ToListAsync()));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Programmes.Where(p => p.Code == code).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task ProgrammeEdit_GivingACodeCreatedMeanwhile_TheEditIsToldTheCodeIsTaken_AndKeepsItsOwn()
    {
        var code = "RACE-P-" + Guid.NewGuid().ToString("N")[..6];
        var own = code + "-OWN";
        var sector = await factory.WithDbAsync(db => db.Sectors.Select(s => s.Id).FirstAsync());
        ProgrammeInput Input(string withCode, string name) => new(withCode, sector, TrainingLevel.Technician, name, "برنامج " + name, 24, true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await ActivatorUtilities.CreateInstance<ReferenceDataService>(scope.ServiceProvider).SaveProgrammeAsync(null, Input(own, "Existant"), null)).Succeeded);
        }

        var (id, token) = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Code == own).Select(p => new Tuple<int, byte[]>(p.Id, p.RowVersion)).SingleAsync());

        try
        {
            var (outer, inner) = await factory.RaceAsync<ReferenceDataService, Result<byte[]>, Result<byte[]>>(
                service => service.SaveProgrammeAsync(id, Input(code, "Renommé"), token),
                service => service.SaveProgrammeAsync(null, Input(code, "Gagnant"), null));

            AssertCodeTaken(outer, inner, Messages.ProgrammeCodeTaken);
            Assert.Equal(["Gagnant"], await factory.WithDbAsync(db => db.Programmes.Where(p => p.Code == code).Select(p => p.NameFr).ToListAsync()));
            Assert.Equal((own, "Existant"), await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => new Tuple<string, string>(p.Code, p.NameFr).ToValueTuple()).SingleAsync()));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Programmes.Where(p => p.Code == code || p.Code == own).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task EstablishmentCreate_TwiceRacingWithTheSameCode_TheLoserIsToldTheCodeIsTaken()
    {
        var code = "RACE-E-" + Guid.NewGuid().ToString("N")[..6];
        var province = await factory.WithDbAsync(db => db.Provinces.Where(p => p.Code == "AOU").Select(p => p.Id).SingleAsync());

        try
        {
            var (outer, inner) = await factory.RaceAsync<EstablishmentDirectory, Result<int>, Result<int>>(
                service => service.CreateAsync(Admin, Establishment(code, province, "Perdant")),
                service => service.CreateAsync(Admin, Establishment(code, province, "Gagnant")));

            AssertCodeTaken(outer, inner, Messages.EstablishmentCodeTaken);
            Assert.Equal([(inner.Value, "CFP Gagnant")], await factory.WithDbAsync(db => db.Establishments.Where(e => e.Code == code)
                .Select(e => new Tuple<int, string>(e.Id, e.NameFr).ToValueTuple()).ToListAsync()));
        }
        finally
        {
            await RemoveEstablishmentsAsync(code);
        }
    }

    [Fact]
    public async Task EstablishmentEdit_GivingACodeCreatedMeanwhile_TheEditIsToldTheCodeIsTaken_AndKeepsItsOwn()
    {
        var code = "RACE-E-" + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.EstablishmentIdAsync("CFP-AOUSSERD");
        EstablishmentDetails before;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            before = (await ActivatorUtilities.CreateInstance<EstablishmentDirectory>(scope.ServiceProvider).GetAsync(id))!;
        }

        var edit = new EstablishmentUpdate(code, before.Type, before.ProvinceId, before.ComplexId, before.NameFr, before.NameAr, before.TownFr, before.TownAr,
            before.AddressFr, before.AddressAr, before.Phone, before.Email, before.Latitude, before.Longitude, before.OpeningYear, before.IsActive);

        try
        {
            var (outer, inner) = await factory.RaceAsync<EstablishmentDirectory, Result<EstablishmentDetails>, Result<int>>(
                service => service.UpdateAsync(Admin, id, edit with { Phone = "0528000000" }, before.RowVersion),
                service => service.CreateAsync(Admin, Establishment(code, before.ProvinceId, "Gagnant")));

            AssertCodeTaken(outer, inner, Messages.EstablishmentCodeTaken);
            Assert.Equal(["CFP Gagnant"], await factory.WithDbAsync(db => db.Establishments.Where(e => e.Code == code).Select(e => e.NameFr).ToListAsync()));
            Assert.Equal(("CFP-AOUSSERD", before.Phone), await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id)
                .Select(e => new Tuple<string, string?>(e.Code, e.Phone).ToValueTuple()).SingleAsync()));
        }
        finally
        {
            await RemoveEstablishmentsAsync(code);
        }
    }

    private static EstablishmentUpdate Establishment(string code, int province, string name) =>
        new(code, EstablishmentType.CFP, province, null, "CFP " + name, "مركز " + name, null, null, null, null, null, null, null, null, null, true);

    private static void AssertCodeTaken(Result outer, Result inner, string messageKey)
    {
        Assert.Equal((ResultStatus.Invalid, ResultStatus.Succeeded), (outer.Status, inner.Status));
        var error = Assert.Single(outer.Errors);
        Assert.Equal(("Code", messageKey), (error.Field, error.MessageKey));
    }

    /// <summary>Through the change tracker, so that the search index forgets them too.</summary>
    private Task<int> RemoveEstablishmentsAsync(string code) => factory.WithDbAsync(async db =>
    {
        db.Establishments.RemoveRange(await db.Establishments.Where(e => e.Code == code).ToListAsync());
        return await db.SaveChangesAsync();
    });
}
