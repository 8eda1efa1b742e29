using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// A hash of a random password, made once with the portal's own hasher (same algorithm and iteration count as real
/// accounts). Sign-in checks the password against it when there is no real hash to check (unknown e-mail, locked-out
/// or disabled account), so every attempt costs one PBKDF2 verification and the answer's timing tells nothing.
/// </summary>
public sealed class DummyPasswordHash
{
    private static readonly ApplicationUser Nobody = new();

    public DummyPasswordHash(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        Hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>()
            .HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public string Hash { get; }

    /// <summary>Spends the time of a real check; the result is always a failure, since nobody knows the password.</summary>
    public void Verify(IPasswordHasher<ApplicationUser> hasher, string password) =>
        hasher.VerifyHashedPassword(Nobody, Hash, password);
}
