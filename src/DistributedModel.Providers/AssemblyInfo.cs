using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("DistributedModel.Providers.Tests")]
[assembly: InternalsVisibleTo("DistributedModel.Testing")]
