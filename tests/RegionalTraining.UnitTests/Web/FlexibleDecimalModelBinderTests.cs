using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Moq;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.UnitTests.Web;

public sealed class FlexibleDecimalModelBinderTests
{
    private sealed class Form
    {
        public decimal? Latitude { get; set; }

        public int? Computers { get; set; }
    }

    private static async Task<(ModelBindingResult Result, ModelStateDictionary State)> BindAsync(string value, bool wholeNumber = false)
    {
        var localizer = new Mock<IStringLocalizer<SharedResource>>();
        localizer.Setup(l => l[It.IsAny<string>(), It.IsAny<object[]>()])
            .Returns((string key, object[] args) => new LocalizedString(key, string.Format(key, args)));
        var metadata = new EmptyModelMetadataProvider().GetMetadataForProperty(typeof(Form), wholeNumber ? nameof(Form.Computers) : nameof(Form.Latitude));
        var context = new DefaultModelBindingContext
        {
            ModelName = "Latitude",
            ModelMetadata = metadata,
            ModelState = new ModelStateDictionary(),
            ValueProvider = new SimpleValueProvider("Latitude", value),
        };

        await new FlexibleDecimalModelBinder(localizer.Object, wholeNumber).BindModelAsync(context);

        return (context.Result, context.ModelState);
    }

    [Theory]
    [InlineData("29,5833")]
    [InlineData("29.5833")]
    [InlineData("٢٩٫٥٨٣٣")]
    public async Task Bind_InAnyMoroccanFormat_ReadsTheNumber(string typed)
    {
        var (result, state) = await BindAsync(typed);

        Assert.True(result.IsModelSet);
        Assert.Equal(29.5833m, result.Model);
        Assert.Equal(0, state.ErrorCount);
    }

    [Fact]
    public async Task Bind_WithText_AddsLocalizedErrorAndKeepsTyping()
    {
        var (result, state) = await BindAsync("vingt");

        Assert.False(result.IsModelSet);
        Assert.Equal("vingt", state["Latitude"]!.AttemptedValue);
        Assert.Contains("\"vingt\" is not a number", state["Latitude"]!.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task Bind_Empty_IsNullForOptionalField()
    {
        var (result, state) = await BindAsync(" ");

        Assert.True(result.IsModelSet);
        Assert.Null(result.Model);
        Assert.Equal(0, state.ErrorCount);
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("٤٥", 45)]
    [InlineData("1 200", 1200)]
    public async Task Bind_WholeNumber_ReadsIt(string typed, int expected)
    {
        var (result, state) = await BindAsync(typed, wholeNumber: true);

        Assert.Equal(expected, result.Model);
        Assert.Equal(0, state.ErrorCount);
    }

    [Theory]
    [InlineData("1.000")]
    [InlineData("1,000")]
    [InlineData("12,5")]
    public async Task Bind_WholeNumberWithASeparator_IsRefusedRatherThanGuessed(string typed)
    {
        var (result, state) = await BindAsync(typed, wholeNumber: true);

        Assert.False(result.IsModelSet);
        Assert.Contains("is not a whole number", state["Latitude"]?.Errors.SingleOrDefault()?.ErrorMessage ?? state["Computers"]?.Errors.Single().ErrorMessage);
    }

    private sealed class SimpleValueProvider(string name, string value) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => prefix == name;

        public ValueProviderResult GetValue(string key) => key == name ? new ValueProviderResult(value) : ValueProviderResult.None;
    }
}
