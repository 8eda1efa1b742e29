using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace RegionalTraining.Web.Infrastructure.Routing;

/// <summary>
/// Every action that answers GET answers HEAD too. HTTP requires a server that answers GET to answer HEAD
/// (RFC 9110 9.3.2), and feed readers, link checkers and uptime monitors ask with HEAD; MVC's [HttpGet] alone answered
/// them 405. The action runs as for GET, with the same access checks, and Kestrel sends the headers without the body.
/// </summary>
public sealed class HeadLikeGet : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().SingleOrDefault() is not { } constraint
                || !constraint.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                || constraint.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints.Remove(constraint);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            // Endpoint routing matches on this metadata, not on the constraint: both say the same.
            foreach (var metadata in selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList())
            {
                selector.EndpointMetadata.Remove(metadata);
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        }
    }
}
