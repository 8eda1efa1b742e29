using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.Web.Infrastructure.Email;

/// <summary>The e-mails about accounts (invitation, password reset), in the language of the request.</summary>
/// <remarks>
/// Links use <c>App:PublicBaseUrl</c> when it is set, so a forged Host header (or a TLS proxy) cannot change where an
/// e-mailed link points; without it they follow the request, which is fine in development.
/// </remarks>
public sealed class AccountEmails(UserManager<ApplicationUser> users, IEmailSender sender, IStringLocalizer<SharedResource> t, IConfiguration configuration)
{
    /// <summary>The link with which a new account's owner chooses a password.</summary>
    public async Task SendInvitationAsync(string userId, IUrlHelper url, string scheme) =>
        await SendPasswordResetAsync((await users.FindByIdAsync(userId))!, url, scheme, invitation: true);

    public async Task SendPasswordResetAsync(ApplicationUser user, IUrlHelper url, string scheme, bool invitation)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var publicBase = configuration["App:PublicBaseUrl"]?.TrimEnd('/');
        var link = string.IsNullOrEmpty(publicBase)
            ? url.Action("ResetPassword", "Account", new { userId = user.Id, code }, scheme)!
            : publicBase + url.Action("ResetPassword", "Account", new { userId = user.Id, code });
        var subject = invitation ? t["Your RegionalTraining account"] : t["Reset your RegionalTraining password"];
        var intro = invitation
            ? t["An account was created for you. Choose your password with this link (valid for 3 hours):"]
            : t["Someone asked to reset your password. If it was you, choose a new one with this link (valid for 3 hours):"];
        var text = $"{intro}\n\n{link}\n";
        var html = $"<p>{WebUtility.HtmlEncode(intro)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
        await sender.SendAsync(new EmailMessage(user.Email!, subject, html, text));
    }
}
