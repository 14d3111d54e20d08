namespace DistributedModel.Compression;
internal static class AssemblyMarker;
