using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RegionalTraining.Core.Accounts.TwoFactor;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.Web.ViewModels.Accounts;

public sealed class EnableTwoFactorViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(16, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = string.Empty;

    /// <summary>Drawn again from the stored key when the page is shown; never taken from the form.</summary>
    [BindNever]
    public AuthenticatorSetup? Setup { get; set; }

    [BindNever]
    public string QrCodeDataUri { get; set; } = string.Empty;

    /// <summary>The key to enrol (none once there is nothing left to enrol) and its QR code.</summary>
    public EnableTwoFactorViewModel WithSetup(AuthenticatorSetup? setup)
    {
        Setup = setup;
        QrCodeDataUri = setup is null ? string.Empty : QrCodes.PngDataUri(setup.AuthenticatorUri);
        return this;
    }
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

    [StringLength(2000, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("an address inside the portal to go back to")]
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeLoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(32, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = string.Empty;

    [StringLength(2000, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [NotStored("an address inside the portal to go back to")]
    public string? ReturnUrl { get; set; }
}

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes);
