namespace DistributedModel.Cli;

/// <summary>Bad input from the user (exit code 2): the message says what is wrong and what to do.</summary>
public sealed class UsageException(string message) : Exception(message);
