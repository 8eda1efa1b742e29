using Microsoft.AspNetCore.Identity;

namespace RegionalTraining.Core.Accounts;

/// <summary>
/// Caps passwords at 128 characters (ASVS 2.1.2). Identity has a minimum length but no maximum, and an
/// unbounded password makes PBKDF2 at 210,000 iterations a cheap denial of service.
/// </summary>
public sealed class MaximumLengthPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (password is not null && password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = "Passwords must be at most 128 characters.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
