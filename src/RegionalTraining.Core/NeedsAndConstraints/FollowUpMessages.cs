namespace RegionalTraining.Core.Common;

/// <summary>Messages of the register of needs and constraints and of their follow-up.</summary>
public static partial class Messages
{
    public const string FollowUpMovedOn = "This item has moved on since you opened it: this step is no longer possible. Check its history.";
    public const string ChooseItemOwner = "Choose who carries the item.";
    public const string DueDateRequired = "Give a due date.";
    public const string DueDateInPast = "The due date cannot be in the past.";
    public const string WhatWasDoneRequired = "Say what was done.";
    public const string ResolvedOnRequired = "Give the day it was resolved.";
    public const string ResolvedOnInFuture = "The day it was resolved cannot be in the future.";
    public const string FollowUpReasonRequired = "Give the reason.";
    public const string DeferUntilAfterToday = "Give the day until which it is deferred, after today.";
    public const string FollowUpCommentRequired = "Write the comment.";
    public const string ChooseItems = "Choose at least one item.";
    public const string ChooseEstablishment = "Choose an establishment.";
    public const string DescriptionRequired = "Describe the item.";
    public const string ItemAlreadyEscalated = "This item is already escalated to the national office.";

    public const string FollowUpSaved = "The item was updated.";
    public const string FollowUpCommented = "Your comment was added.";
    public const string ItemsAssigned = "{0} items were assigned.";
    public const string ItemRaised = "The item was added to the register.";
    public const string ItemEscalated = "The item was escalated to the national office.";

    // Notice to the establishment's directors, formatted when shown: {0} establishment, {1} the item's description.
    public const string ItemChangedNotice = "An item of {0} changed in the register: {1}";
}
