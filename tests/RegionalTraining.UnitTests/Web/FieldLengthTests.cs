using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Web.Infrastructure.Input;

namespace RegionalTraining.UnitTests.Web;

/// <summary>
/// Every text column has a maximum, and every text a form can post has one equal to its column's: a form never
/// accepts what the database would truncate, refuse (SQL Server) or silently store (SQLite).
/// </summary>
public sealed class FieldLengthTests
{
    /// <summary>Text columns without a maximum, on purpose. Nothing a form posts is stored in them as typed.</summary>
    private static readonly Dictionary<string, string> Unbounded = new()
    {
        ["MeetingSummary.SearchKey"] = "a folded copy of the bounded titles and minutes, written by the service only",
        ["SearchEntry.Text"] = "the search index's copy of bounded texts (a meeting's minutes and parts), written by the index only",
        ["SearchEntry.Folded"] = "the search index's folded copy of its Text, written by the index only",
        ["DataProtectionKey.FriendlyName"] = "written by ASP.NET Core Data Protection",
        ["DataProtectionKey.Xml"] = "written by ASP.NET Core Data Protection",
        ["ApplicationUser.PasswordHash"] = "written by Identity (a hash)",
        ["ApplicationUser.SecurityStamp"] = "written by Identity (a random stamp)",
        ["ApplicationUser.ConcurrencyStamp"] = "written by Identity (a GUID)",
        ["ApplicationUser.PhoneNumber"] = "Identity's column; the portal has no phone number field for accounts",
        ["IdentityRole.ConcurrencyStamp"] = "written by Identity (a GUID)",
        ["IdentityUserClaim<string>.ClaimType"] = "written by Identity; the portal stores no claims",
        ["IdentityUserClaim<string>.ClaimValue"] = "written by Identity; the portal stores no claims",
        ["IdentityRoleClaim<string>.ClaimType"] = "written by Identity; the portal stores no claims",
        ["IdentityRoleClaim<string>.ClaimValue"] = "written by Identity; the portal stores no claims",
        ["IdentityUserLogin<string>.ProviderDisplayName"] = "written by Identity; the portal has no external logins",
        ["IdentityUserToken<string>.Value"] = "written by Identity (authenticator keys, recovery codes)",
    };

    private static IModel Model()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    [Fact]
    public void EveryTextColumn_HasAMaximumLength_OrIsListedWithAReason()
    {
        var missing = UnboundedColumns().Where(name => !Unbounded.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void UnboundedList_NamesOnlyColumnsThatExistWithoutAMaximum()
    {
        var unbounded = UnboundedColumns().ToHashSet();

        var stale = Unbounded.Keys.Where(k => !unbounded.Contains(k)).ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public void EveryPostedText_HasAMaximum_EqualToItsColumn()
    {
        var model = Model();
        var problems = new List<string>();
        foreach (var (action, parameter) in PostedParameters())
        {
            // An id in the path is limited by the request line, and looked up, never stored.
            if (parameter.Name == "id" && parameter.ParameterType == typeof(string))
            {
                continue;
            }

            Walk(model, parameter.ParameterType, parameter, null, $"{action}({parameter.Name})", [], problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheWalk_FindsAFieldWithoutAMaximum_AndAMismatchedOne()
    {
        var problems = new List<string>();

        Walk(Model(), typeof(BadForm), null, null, "BadForm", [], problems);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("NoMaximum", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("TitleFr", StringComparison.Ordinal) && p.Contains("300", StringComparison.Ordinal));
    }

    [StoredAs(typeof(RegionalTraining.Core.Meetings.AgendaItem))]
    private sealed class BadForm
    {
        [StringLength(301)]
        public string? TitleFr { get; set; }

        public string? NoMaximum { get; set; }
    }

    /// <summary>Text columns with no maximum, keys aside: the provider sizes keys itself (nvarchar(450) on SQL Server).</summary>
    private static IEnumerable<string> UnboundedColumns() =>
        Model().GetEntityTypes().SelectMany(e => e.GetProperties()
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null && !p.IsKey() && !p.IsForeignKey())
            .Select(p => $"{e.DisplayName()}.{p.Name}"));

    internal static IEnumerable<(string Action, ParameterInfo Parameter)> PostedParameters() =>
        from action in PostActions()
        from parameter in action.GetParameters()
        where parameter.ParameterType != typeof(CancellationToken) && parameter.GetCustomAttribute<FromServicesAttribute>() is null
        select ($"{action.DeclaringType!.Name}.{action.Name}", parameter);

    /// <summary>Every action of the portal that answers a POST.</summary>
    internal static IReadOnlyList<MethodInfo> PostActions() =>
        typeof(RegionalTraining.Web.Infrastructure.WebSetup).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<NonActionAttribute>() is null && !m.IsSpecialName)
            .Where(m => m.GetCustomAttributes().OfType<IActionHttpMethodProvider>().Any(p => p.HttpMethods.Contains("POST")))
            .ToList();

    private static void Walk(IModel model, Type type, ICustomAttributeProvider? member, StoredAsAttribute? storedAs, string path, HashSet<Type> seen, List<string> problems)
    {
        if (type == typeof(string))
        {
            CheckText(model, member, storedAs, path, problems, (member as ParameterInfo)?.Name ?? (member as PropertyInfo)?.Name);
            return;
        }

        if (type == typeof(IFormFile) || IsSimple(type))
        {
            return;
        }

        var element = ElementOf(type);
        if (element is not null)
        {
            if (element == typeof(string))
            {
                var each = member?.GetCustomAttributes(true).OfType<EachStringLengthAttribute>().SingleOrDefault();
                if (each is null)
                {
                    problems.Add($"{path}: a list of texts without [EachStringLength]");
                }
                else
                {
                    CompareWithColumn(model, member, storedAs, path, each.MaximumLength, (member as PropertyInfo)?.Name, problems);
                }

                return;
            }

            Walk(model, element, null, storedAs, path + "[]", seen, problems);
            return;
        }

        if (!seen.Add(type))
        {
            return;
        }

        var classStoredAs = type.GetCustomAttribute<StoredAsAttribute>(inherit: true) ?? storedAs;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            if (property.GetCustomAttribute<BindNeverAttribute>() is not null || property.PropertyType.GetCustomAttribute<BindNeverAttribute>() is not null)
            {
                continue;
            }

            Walk(model, property.PropertyType, property, classStoredAs, $"{path}.{property.Name}", seen, problems);
        }
    }

    private static void CheckText(IModel model, ICustomAttributeProvider? member, StoredAsAttribute? storedAs, string path, List<string> problems, string? name)
    {
        var attributes = member?.GetCustomAttributes(true) ?? [];
        int? maximum = attributes.OfType<StringLengthAttribute>().Select(a => (int?)a.MaximumLength).FirstOrDefault()
            ?? attributes.OfType<MaxLengthAttribute>().Select(a => (int?)a.Length).FirstOrDefault();
        if (maximum is null)
        {
            problems.Add($"{path}: a posted text without [StringLength]");
            return;
        }

        CompareWithColumn(model, member, storedAs, path, maximum.Value, name, problems);
    }

    private static void CompareWithColumn(IModel model, ICustomAttributeProvider? member, StoredAsAttribute? storedAs, string path, int maximum, string? name, List<string> problems)
    {
        var attributes = member?.GetCustomAttributes(true) ?? [];
        if (attributes.OfType<NotStoredAttribute>().Any())
        {
            return;
        }

        var storedIn = attributes.OfType<StoredInAttribute>().SingleOrDefault();
        var (entity, column) = storedIn is not null ? (storedIn.Entity, storedIn.Property) : (storedAs?.Entity, name);
        if (entity is null || column is null)
        {
            return;
        }

        var entityType = model.FindEntityType(entity);
        var property = entityType?.FindProperty(column);
        if (property is null || property.ClrType != typeof(string))
        {
            if (storedIn is not null)
            {
                problems.Add($"{path}: [StoredIn] names {entity.Name}.{column}, which is not a column");
            }

            return;
        }

        if (property.GetMaxLength() != maximum)
        {
            problems.Add($"{path}: at most {maximum} characters, but its column {entity.Name}.{column} holds {property.GetMaxLength()?.ToString() ?? "any number"}");
        }
    }

    private static Type? ElementOf(Type type)
    {
        if (!typeof(IEnumerable).IsAssignableFrom(type) || type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        // A dictionary's keys are checked as values of their type (enums); its values are what is typed.
        return arguments.Length > 0 ? arguments[^1] : typeof(object);
    }

    private static bool IsSimple(Type type) =>
        TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).CanConvertFrom(typeof(string));
}
