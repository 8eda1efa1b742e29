namespace RegionalTraining.Core.Common;

/// <summary>Messages of accounts, sign-in, sessions and the second factor.</summary>
public static partial class Messages
{
    public const string AccountConflict = "Someone else changed this account since you opened it. Review the current values and try again.";
    public const string AccountCreated = "The account was created and an invitation e-mail was sent.";
    public const string AccountSaved = "The account was saved.";
    public const string AccountDisabled = "The account was disabled and its open sessions will be closed.";
    public const string AccountEnabled = "The account was enabled.";
    public const string DuplicateEmail = "An account with this e-mail already exists.";
    public const string OwnAccount = "You cannot change your own role, directorate, establishments or state: ask another administrator.";
    public const string LastAdministrator = "This is the last active administrator: make another account administrator first.";
    public const string UnknownRole = "Choose one of the roles.";
    public const string DirectorateRequired = "A regional director or staff member must belong to a directorate.";
    public const string EstablishmentRequired = "An establishment director must direct at least one establishment.";
    public const string EstablishmentsOfOneDirectorate = "The establishments of one director must belong to one directorate.";

    public const string SignInRefused = "Incorrect e-mail or password. After {0} failed attempts an account is locked for {1} minutes; \"Forgot your password?\" unlocks it at once.";
    public const string ResetLinkExpired = "This link has expired or was already used. Ask for a new one.";
    public const string PasswordChanged = "Your password was changed.";

    public const string SessionEnded = "The session was ended.";
    public const string OtherSessionsEnded = "Your other sessions were ended.";

    public const string WrongAuthenticatorCode = "This code is not valid. Enter the current code from your authenticator app.";
    public const string WrongRecoveryCode = "This recovery code is not valid or was already used.";
    public const string TooManyFailedAttempts = "Too many failed attempts. Try again in 15 minutes.";
    public const string TwoFactorRequiredByRole = "Your role requires two-factor sign-in: it cannot be turned off.";
    public const string TwoFactorAlreadyOn = "Two-factor sign-in is on.";
    public const string TwoFactorIsOff = "Two-factor sign-in is off.";
    public const string TryAgain = "Something went wrong. Try again.";
    public const string TwoFactorTurnedOff = "Two-factor sign-in is turned off.";
    public const string OwnSecondFactor = "Manage your own second factor from your two-factor sign-in page.";
    public const string SecondFactorReset = "The second factor was reset: the person signs in with the password and enrols again.";
}
