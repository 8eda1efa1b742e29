using System.ComponentModel.DataAnnotations;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Web.ViewModels.Accounts;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("used to sign in, never stored")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [StringLength(MaximumLengthPasswordValidator<ApplicationUser>.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("hashed; the hash is what is stored")]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    [StringLength(2000, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("an address inside the portal to go back to")]
    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(FieldLengths.Email, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("used to sign in, never stored")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordViewModel
{
    [Required]
    [StringLength(450, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("identifies the account")]
    public string UserId { get; set; } = string.Empty;

    [Required]
    [StringLength(2000, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("a reset token, checked and discarded")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(MaximumLengthPasswordValidator<ApplicationUser>.MaximumLength, MinimumLength = 12, ErrorMessage = "The password must have between {2} and {1} characters.")]
    [DataType(DataType.Password)]
    [NotStored("hashed; the hash is what is stored")]
    [Display(Name = "New password")]
    public string Password { get; set; } = string.Empty;

    [DataType(DataType.Password)]
    [StringLength(MaximumLengthPasswordValidator<ApplicationUser>.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("hashed; the hash is what is stored")]
    [Display(Name = "Confirm the new password")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [StringLength(MaximumLengthPasswordValidator<ApplicationUser>.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("hashed; the hash is what is stored")]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(MaximumLengthPasswordValidator<ApplicationUser>.MaximumLength, MinimumLength = 12, ErrorMessage = "The password must have between {2} and {1} characters.")]
    [DataType(DataType.Password)]
    [NotStored("hashed; the hash is what is stored")]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = string.Empty;

    [DataType(DataType.Password)]
    [StringLength(MaximumLengthPasswordValidator<ApplicationUser>.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("hashed; the hash is what is stored")]
    [Display(Name = "Confirm the new password")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
