using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.Tests.Samples;

/// <summary>Hook stdin documents in the shapes Claude Code 2.1.197 sends (see the hooks facts sheet).</summary>
public static class HookInputs
{
    public static JsonObject Common(string eventName, string cwd) => new()
    {
        ["session_id"] = "0b7c7a3e-1111-2222-3333-444455556666",
        ["transcript_path"] = Path.Combine(cwd, "transcript.jsonl"),
        ["cwd"] = cwd,
        ["permission_mode"] = "default",
        ["hook_event_name"] = eventName,
    };

    public static string Bash(string cwd, string stdout, string stderr = "", string? persistedPath = null, long? persistedSize = null)
    {
        var response = new JsonObject { ["stdout"] = stdout, ["stderr"] = stderr, ["interrupted"] = false, ["isImage"] = false };
        if (persistedPath is not null)
        {
            response["persistedOutputPath"] = persistedPath;
            response["persistedOutputSize"] = persistedSize ?? 0;
        }
        return Tool(cwd, "Bash", new JsonObject { ["command"] = "dotnet build", ["description"] = "Build" }, response);
    }

    public static string Read(string cwd, string filePath, string content)
    {
        int lines = content.Split('\n').Length;
        var response = new JsonObject
        {
            ["type"] = "text",
            ["file"] = new JsonObject { ["filePath"] = filePath, ["content"] = content, ["numLines"] = lines, ["startLine"] = 1, ["totalLines"] = lines },
        };
        return Tool(cwd, "Read", new JsonObject { ["file_path"] = filePath }, response);
    }

    public static string Grep(string cwd, string content, int numFiles = 3)
    {
        var response = new JsonObject
        {
            ["mode"] = "content",
            ["numFiles"] = numFiles,
            ["filenames"] = new JsonArray("src/a.cs", "src/b.cs"),
            ["content"] = content,
            ["numLines"] = content.Split('\n').Length,
        };
        return Tool(cwd, "Grep", new JsonObject { ["pattern"] = "TODO", ["output_mode"] = "content" }, response);
    }

    public static string Tool(string cwd, string tool, JsonNode toolInput, JsonNode? toolResponse)
    {
        var o = Common("PostToolUse", cwd);
        o["tool_name"] = tool;
        o["tool_input"] = toolInput;
        if (toolResponse is not null) o["tool_response"] = toolResponse;
        o["tool_use_id"] = "toolu_01ABC";
        return o.ToJsonString();
    }

    public static string Prompt(string cwd, string prompt)
    {
        var o = Common("UserPromptSubmit", cwd);
        o["prompt"] = prompt;
        return o.ToJsonString();
    }

    public static HookInput Parse(string json) => HookInput.Parse(Encoding.UTF8.GetBytes(json));
}
