using System.ComponentModel.DataAnnotations;
using RegionalTraining.Web.ViewModels.Shared;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.ViewModels.Accounts;

/// <summary>The accounts; <paramref name="CurrentUserId"/> marks the reader's own, which he cannot disable.</summary>
public sealed record UserIndexViewModel(IReadOnlyList<AccountListItem> Accounts, string? CurrentUserId);

[StoredAs(typeof(ApplicationUser))]
public sealed class UserFormViewModel
{
    [StringLength(450, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("identifies the account; a key is never written from a form")]
    public string? Id { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(FieldLengths.PersonName, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Full name")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Role")]
    [StringLength(256, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("a role name, checked against the roles that exist")]
    public string Role { get; set; } = Roles.EstablishmentDirector;

    [Display(Name = "Directorate")]
    public int? DirectorateId { get; set; }

    [Display(Name = "Establishments directed")]
    public List<int> EstablishmentIds { get; set; } = [];

    [BindNever]
    public bool IsDisabled { get; set; }

    /// <summary>Shown, never posted: an administrator can only reset it (UsersController.ResetTwoFactor).</summary>
    [BindNever]
    public bool TwoFactorEnabled { get; set; }

    [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("compared with the stored stamp, never written")]
    public string? ConcurrencyStamp { get; set; }

    [BindNever]
    public IReadOnlyList<Option> Directorates { get; set; } = [];

    [BindNever]
    public IReadOnlyList<Option> Establishments { get; set; } = [];

    public static UserFormViewModel From(AccountDetails account) => new()
    {
        Id = account.Id, Email = account.Email, DisplayName = account.DisplayName, Role = account.Role ?? Roles.EstablishmentDirector,
        DirectorateId = account.DirectorateId, EstablishmentIds = account.EstablishmentIds.ToList(),
        IsDisabled = account.IsDisabled, ConcurrencyStamp = account.ConcurrencyStamp,
    };

    /// <summary>
    /// What this form never changes (the sign-in name, the state) is shown as stored; the posted e-mail is ignored
    /// (the controller drops its validation), since the e-mail is the sign-in name.
    /// </summary>
    public void KeepStored(AccountDetails account)
    {
        Id = account.Id;
        Email = account.Email;
        IsDisabled = account.IsDisabled;
    }

    /// <summary>After a conflict the form carries the stored stamp: the next save is a deliberate choice.</summary>
    public UserFormViewModel WithStamp(string? storedStamp)
    {
        ConcurrencyStamp = storedStamp ?? ConcurrencyStamp;
        return this;
    }

    public AccountInput ToInput() => new(Email.Trim(), DisplayName, Role, DirectorateId, EstablishmentIds);
}
