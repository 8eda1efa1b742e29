using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.ViewModels.Accounts;

/// <summary>The accounts; <paramref name="CurrentUserId"/> marks the reader's own, which he cannot disable.</summary>
public sealed record UserIndexViewModel(IReadOnlyList<AccountListItem> Accounts, string? CurrentUserId);

public sealed class UserFormViewModel
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(200, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Full name")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Role")]
    public string Role { get; set; } = Roles.EstablishmentDirector;

    [Display(Name = "Directorate")]
    public int? DirectorateId { get; set; }

    [Display(Name = "Establishments directed")]
    public List<int> EstablishmentIds { get; set; } = [];

    public bool IsDisabled { get; set; }

    /// <summary>Shown, never posted: an administrator can only reset it (UsersController.ResetTwoFactor).</summary>
    public bool TwoFactorEnabled { get; set; }

    public string? ConcurrencyStamp { get; set; }

    public IReadOnlyList<Option> Directorates { get; set; } = [];

    public IReadOnlyList<Option> Establishments { get; set; } = [];

    public AccountInput ToInput() => new(Email.Trim(), DisplayName, Role, DirectorateId, EstablishmentIds);
}
