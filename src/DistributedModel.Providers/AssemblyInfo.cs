using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DistributedModel.Providers.Tests")]
[assembly: InternalsVisibleTo("DistributedModel.Testing")]
[assembly: InternalsVisibleTo("dm-mcp")] // the MCP server redacts its own errors and log lines with the same Redactor
[assembly: InternalsVisibleTo("DistributedModel.Mcp.Tests")]
