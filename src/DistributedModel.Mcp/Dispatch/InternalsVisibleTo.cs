using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DistributedModel.Mcp.Tests")]
