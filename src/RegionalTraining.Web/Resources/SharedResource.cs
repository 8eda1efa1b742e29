namespace RegionalTraining.Web.Resources;

/// <summary>Marker for the one shared resource set (SharedResource.resx, .fr.resx, .ar.resx): keys are the English text.</summary>
public sealed class SharedResource;
