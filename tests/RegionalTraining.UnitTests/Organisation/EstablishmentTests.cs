using RegionalTraining.Core.Organisation;

namespace RegionalTraining.UnitTests.Organisation;

public sealed class EstablishmentTests
{
    [Fact]
    public void RefreshSearchKey_CoversBothNamesTownAndCode()
    {
        var establishment = new Establishment { Code = "ISTA-FEB-MIRLEFT", NameFr = "ISTA Fadma El Bouhali", NameAr = "المعهد المتخصص فاضمة البوهالي", TownFr = "Mirleft", TownAr = "ميرلفت" };

        establishment.RefreshSearchKey();

        Assert.Contains("fadma", establishment.SearchKey);
        Assert.Contains("البوهالي", establishment.SearchKey);
        Assert.Contains("mirleft", establishment.SearchKey);
        Assert.Contains("ista-feb-mirleft", establishment.SearchKey);
    }
}
