using RegionalTraining.Core.Common;

namespace RegionalTraining.UnitTests.Common;

public sealed class NumberInputTests
{
    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData(" 1 234,5 ", 1234.5)]
    [InlineData("1\u00A0234", 1234)]
    [InlineData("١٢٫٥", 12.5)]
    [InlineData("\u200E-12,5", -12.5)]
    [InlineData("−3", -3)]
    [InlineData("-10.0333", -10.0333)]
    public void TryParseDecimal_WithMoroccanFormats_Reads(string text, double expected)
    {
        Assert.True(NumberInput.TryParseDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("abc")]
    [InlineData("12,5,1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseDecimal_WithAmbiguousOrInvalidText_Refuses(string? text) =>
        Assert.False(NumberInput.TryParseDecimal(text, out _));
}
