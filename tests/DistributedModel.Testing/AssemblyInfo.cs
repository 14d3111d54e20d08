namespace DistributedModel.Testing;
internal static class AssemblyMarker;
