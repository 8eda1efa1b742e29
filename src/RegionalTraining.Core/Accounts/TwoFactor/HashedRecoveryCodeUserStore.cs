using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Accounts.TwoFactor;

/// <summary>
/// Identity's store keeps recovery codes in clear in AspNetUserTokens; this one keeps only a salted PBKDF2 hash of
/// each, so a copy of the database does not hand out second factors. The codes are random (about 50 bits), so a
/// modest iteration count is enough and redeeming stays fast.
/// </summary>
public sealed class HashedRecoveryCodeUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext>(context, describer)
{
    /// <summary>Where Identity's store keeps recovery codes; kept so existing rows stay where Identity expects them.</summary>
    public const string LoginProvider = "[AspNetUserStore]";
    public const string TokenName = "RecoveryCodes";
    private const string Version = "h1";

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        var hashes = recoveryCodes.Select(RecoveryCodeHash.Create);
        return SetTokenAsync(user, LoginProvider, TokenName, string.Join(';', hashes), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await StoredHashesAsync(user, cancellationToken);
        var match = hashes.FindIndex(h => RecoveryCodeHash.Matches(h, code));
        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        await SetTokenAsync(user, LoginProvider, TokenName, string.Join(';', hashes), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        (await StoredHashesAsync(user, cancellationToken)).Count;

    private async Task<List<string>> StoredHashesAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        ((await GetTokenAsync(user, LoginProvider, TokenName, cancellationToken)) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(h => h.StartsWith(Version + "$", StringComparison.Ordinal))
            .ToList();

    /// <summary>"h1$salt$hash", both base64; codes are compared without spaces and in upper case.</summary>
    internal static class RecoveryCodeHash
    {
        private const int Iterations = 10_000;

        public static string Create(string code)
        {
            var salt = RandomNumberGenerator.GetBytes(16);
            return $"{Version}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Derive(code, salt))}";
        }

        public static bool Matches(string stored, string code)
        {
            var parts = stored.Split('$');
            if (parts.Length != 3)
            {
                return false;
            }

            try
            {
                return CryptographicOperations.FixedTimeEquals(Derive(code, Convert.FromBase64String(parts[1])), Convert.FromBase64String(parts[2]));
            }
            catch (FormatException)
            {
                return false;
            }
        }

        public static string Normalise(string code) =>
            code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

        private static byte[] Derive(string code, byte[] salt) =>
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalise(code)), salt, Iterations, HashAlgorithmName.SHA256, 32);
    }
}
