using DistributedModel.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
