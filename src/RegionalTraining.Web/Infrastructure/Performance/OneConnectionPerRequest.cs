using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Web.Infrastructure.Performance;

/// <summary>
/// A signed-in request reads the database several times before its page (its session, its access scope, the data
/// stamp, the notices badge), each read opening and closing the request's connection: on two busy cores the pool's
/// lock around every open and close cost more CPU than the reads themselves (docs/decisions/0025-dashboard-rendering-cache.md).
/// A request carrying the sign-in cookie opens its connection once, here; the request's <see cref="AppDbContext"/>
/// closes it when the request ends. Anonymous requests (mostly served from the output cache) open nothing.
/// </summary>
public sealed class OneConnectionPerRequest(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var cookieName = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        // Only for pages (controller actions): static files and the health check carry the cookie too but read nothing.
        if (cookieName is not null && context.Request.Cookies.ContainsKey(cookieName)
            && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
        {
            await context.RequestServices.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
        }

        await next(context);
    }
}
