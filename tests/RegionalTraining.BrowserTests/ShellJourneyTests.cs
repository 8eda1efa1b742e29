using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ShellJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA", "rtl", "bootstrap.rtl.min.css")]
    [InlineData("fr-MA", "ltr", "bootstrap.min.css")]
    public async Task SignInPage_InEachLanguage_HasItsDirectionStylesheetAndNoSeriousAxeViolation(string locale, string direction, string stylesheet)
    {
        var page = await portal.NewPageAsync(locale);

        await page.GotoAsync("/Account/Login");

        Assert.Equal(direction, await page.GetAttributeAsync("html", "dir"));
        Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
        var sheets = await page.EvaluateAsync<string[]>("() => [...document.styleSheets].map(s => s.href || '')");
        // Under its fingerprinted name (bootstrap.min.bxijvj3j5c.css), cached for a year.
        var name = new Regex("/" + Regex.Escape(stylesheet[..^".css".Length]) + @"(\.[a-z0-9]+)?\.css$");
        Assert.Contains(sheets, name.IsMatch);
        // The stylesheet really applied: Bootstrap's button has its padding, which the browser default lacks.
        Assert.NotEqual("1px 6px", await page.EvalOnSelectorAsync<string>("button[type=submit]", "b => getComputedStyle(b).padding"));
        await BrowserPortal.ScreenshotAsync(page, $"sign-in.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Arabic_LaysOutRightToLeft_BrandOnTheRightFrenchOnTheLeft()
    {
        var arabic = await portal.NewPageAsync("ar-MA");
        var french = await portal.NewPageAsync("fr-MA");
        await arabic.GotoAsync("/");
        await french.GotoAsync("/");

        var arabicBrand = (await arabic.Locator(".navbar-brand").BoundingBoxAsync())!;
        var frenchBrand = (await french.Locator(".navbar-brand").BoundingBoxAsync())!;

        Assert.True(arabicBrand.X > 640, $"Arabic brand at x={arabicBrand.X}");
        Assert.True(frenchBrand.X < 640, $"French brand at x={frenchBrand.X}");
        await arabic.Context.CloseAsync();
        await french.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitcher_ChangesLanguageAndRemembersIt()
    {
        var page = await portal.NewPageAsync("ar-MA");
        await page.GotoAsync("/Account/Login");

        await Languages.SwitchAsync(page, "fr");
        var afterSwitch = await page.GetAttributeAsync("html", "lang");
        await page.GotoAsync("/Account/ForgotPassword");

        Assert.Equal("fr-MA", afterSwitch);
        Assert.Equal("fr-MA", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, string, int?> Roles => new()
    {
        // account, role label used in screenshots, establishments expected in the list (null: at least several)
        { "admin@demo.local", "administrator", null },
        { "regional.director@demo.local", "regional-director", null },
        { "staff@demo.local", "staff", null },
        { "director.mirleft@demo.local", "director", 1 },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachDemoRole_SignsInAndReadsTheEstablishmentListInArabicAndFrench(string email, string label, int? expectedRows)
    {
        var page = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(page, email);

        foreach (var (locale, lang) in new[] { ("ar-MA", "ar"), ("fr-MA", "fr") })
        {
            await page.GotoAsync("/Establishments");
            if (await page.GetAttributeAsync("html", "lang") != locale)
            {
                await Languages.SwitchAsync(page, lang);
            }

            Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
            var rows = await page.Locator("table tbody tr").CountAsync();
            if (expectedRows is { } expected)
            {
                Assert.Equal(expected, rows);
            }
            else
            {
                Assert.True(rows > 5, $"{email} sees {rows} establishments");
            }

            await BrowserPortal.ScreenshotAsync(page, $"establishments.{label}.{locale}");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("admin@demo.local", 1200)]
    [InlineData("staff@demo.local", 1200)]
    [InlineData("staff@demo.local", 1366)]
    [InlineData("regional.director@demo.local", 1440)]
    public async Task MainMenu_OnALaptopScreen_IsFullyVisibleOnOneLineInArabicAndFrench(string email, int width)
    {
        var page = await portal.NewPageAsync("fr-MA");
        await page.SetViewportSizeAsync(width, 800);
        await portal.SignInAsync(page, email);
        await page.GotoAsync("/Establishments");

        foreach (var lang in new[] { "fr", "ar" })
        {
            if (!(await page.GetAttributeAsync("html", "lang"))!.StartsWith(lang, StringComparison.Ordinal))
            {
                await Languages.SwitchAsync(page, lang);
            }

            await BrowserPortal.ScreenshotAsync(page, $"menu.{width}.{email.Split('@')[0]}.{lang}");
            Assert.False(await page.Locator(".navbar-toggler").IsVisibleAsync(), $"menu folded behind the button at {width} px ({lang})");
            var links = page.Locator("#main-nav .nav-link");
            var tops = new HashSet<int>();
            for (var i = 0; i < await links.CountAsync(); i++)
            {
                var box = await links.Nth(i).BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"menu entry {i} outside the screen at {width} px ({lang}): x={box.X}");
                tops.Add((int)Math.Round(box.Y / 10));
            }

            Assert.True(tops.Count == 1, $"menu on {tops.Count} lines at {width} px ({lang})");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"page wider than {width} px ({lang})");
        }

        await page.Context.CloseAsync();
    }
}
