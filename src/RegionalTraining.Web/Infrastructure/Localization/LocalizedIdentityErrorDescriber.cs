using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>Identity's messages in the reader's language (only those the portal can trigger).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = t["Passwords must be at least {0} characters.", length] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = t["An account with this e-mail already exists."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = t["An account with this e-mail already exists."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = t["Enter a valid e-mail address."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = t["This link has expired or was already used. Ask for a new one."] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = t["Someone else changed this account since you opened it. Review the current values and try again."] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = t["Incorrect password."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = t["Something went wrong. Try again."] };
}
