namespace DistributedModel.Cli.Install;

/// <summary>Publishing the binaries failed (exit code 1); the message carries the tail of the build output.</summary>
public sealed class PublishException(string message) : Exception(message);
