using Microsoft.AspNetCore.Identity;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Accounts;

/// <summary>
/// A person with an account. The directorate is set for regional directors and staff; establishment directors
/// are linked to the establishments they direct through <see cref="UserEstablishment"/>.
/// </summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int? DirectorateId { get; set; }

    public Directorate? Directorate { get; set; }

    /// <summary>A disabled account cannot sign in and its open sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The RFC 6238 time step of the last authenticator code accepted: a code of this step or an earlier one is
    /// refused, so a code seen over someone's shoulder cannot be used again within its window.
    /// </summary>
    public long? AuthenticatorLastTimeStep { get; set; }

    public List<UserEstablishment> Establishments { get; set; } = [];
}

/// <summary>Links an establishment director to an establishment he directs (a complex director has several).</summary>
public class UserEstablishment
{
    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }
}
