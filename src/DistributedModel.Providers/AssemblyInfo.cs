namespace DistributedModel.Providers;
internal static class AssemblyMarker;
