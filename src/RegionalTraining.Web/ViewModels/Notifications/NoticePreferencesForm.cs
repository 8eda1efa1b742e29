using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.ViewModels.Notifications;

/// <summary>One kind of notice and how its e-mail comes.</summary>
public sealed class NoticeChoiceField
{
    public NoticeKind Kind { get; set; }

    public NoticeDelivery Delivery { get; set; } = NoticeDelivery.Immediately;
}

/// <summary>The person's choices, one per kind of notice he receives (the service says which kinds).</summary>
public sealed class NoticePreferencesForm
{
    public List<NoticeChoiceField> Choices { get; set; } = [];

    public static NoticePreferencesForm From(IReadOnlyList<NoticeChoice> choices) =>
        new() { Choices = choices.Select(c => new NoticeChoiceField { Kind = c.Kind, Delivery = c.Delivery }).ToList() };

    public IReadOnlyList<NoticeChoice> ToInput() => Choices.Select(c => new NoticeChoice(c.Kind, c.Delivery)).ToList();
}
