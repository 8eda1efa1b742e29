using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.Accounts.TwoFactor;

namespace RegionalTraining.Web.ViewModels.Accounts;

public sealed class EnableTwoFactorViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(16, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = string.Empty;

    public AuthenticatorSetup? Setup { get; set; }

    public string QrCodeDataUri { get; set; } = string.Empty;
}

public sealed class TwoFactorLoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(16, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Remember this browser for 30 days")]
    public bool RememberBrowser { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeLoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(32, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes);
