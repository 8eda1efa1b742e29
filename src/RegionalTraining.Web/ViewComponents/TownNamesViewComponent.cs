using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Search;

namespace RegionalTraining.Web.ViewComponents;

/// <summary>The official names of an establishment's town and the other ways it is written (seeds/gazetteer.json).</summary>
public sealed class TownNamesViewComponent(IGazetteer gazetteer) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? townFr, string? townAr)
    {
        var town = await gazetteer.FindAsync(townFr, townAr, HttpContext.RequestAborted);
        return town is null ? Content(string.Empty) : View(town);
    }
}
