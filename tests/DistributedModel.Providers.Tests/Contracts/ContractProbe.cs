using System.Text;
using System.Text.Json.Nodes;

namespace DistributedModel.Providers.Tests.Contracts;

/// <summary>Posts a raw request body to a fake, as any client would, and returns the status and parsed body.</summary>
internal static class ContractProbe
{
    private static readonly HttpClient Http = new();

    public static async Task<(int Status, JsonNode? Body)> PostAsync(string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(url), content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text));
    }
}
