using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Anthropic;

/// <summary>One scripted answer of the fake model to a main-loop request: call a tool, or reply with text and end the turn.</summary>
public sealed record ScriptStep
{
    private ScriptStep() { }

    public string? ToolName { get; private init; }

    public JsonObject? ToolInput { get; private init; }

    public string? Text { get; private init; }

    public static ScriptStep CallTool(string name, JsonObject input) => new() { ToolName = name, ToolInput = input };

    public static ScriptStep Reply(string text) => new() { Text = text };
}
