using System.Globalization;
using System.Text;

namespace DistributedModel.Mcp.Tests;

/// <summary>Generated inputs for the tests.</summary>
internal static class Samples
{
    /// <summary>A build log of about <paramref name="bytes"/> bytes: progress noise with <paramref name="errors"/> compiler errors and 10 warnings spread through it.</summary>
    public static string BuildLog(int bytes = 200 * 1024, int errors = 42)
    {
        var sb = new StringBuilder();
        var i = 0;
        var total = bytes / 80;
        var errorEvery = Math.Max(1, total / (errors + 1));
        var e = 0;
        var w = 0;
        while (sb.Length < bytes)
        {
            i++;
            if (i % errorEvery == 0 && e < errors)
                sb.Append(CultureInfo.InvariantCulture, $"src/Orders/OrderService{e}.cs({100 + e},17): error CS0246: The type or namespace name 'Widget{e}' could not be found\n").Append("");
            else if (i % (errorEvery + 7) == 0 && w < 10)
                sb.Append(CultureInfo.InvariantCulture, $"src/Orders/Legacy{w++}.cs(12,5): warning CS0618: 'Obsolete{w}' is obsolete\n");
            else
                sb.Append(CultureInfo.InvariantCulture, $"  Restored /work/app/src/Project{i % 97}/Project{i % 97}.csproj (in {i % 50} ms) step {i}\n");
            if (i % errorEvery == 0 && e < errors) e++;
        }
        return sb.ToString();
    }

    public static string Opinion(string verdict, string rationale = "Because the evidence points that way.") =>
        "{\"title\":\"Use a queue for order events\",\"context\":\"Orders are processed synchronously.\"," +
        "\"options\":[{\"name\":\"Queue\",\"pros\":[\"decoupled\"],\"cons\":[\"more infra\"]},{\"name\":\"Sync calls\",\"pros\":[\"simple\"],\"cons\":[\"coupling\"]}]," +
        "\"position\":\"Introduce a queue but keep the sync path for reads.\",\"verdict\":\"" + verdict + "\",\"rationale\":\"" + rationale + "\"," +
        "\"consequences\":[\"Need a broker\",\"Eventual consistency for order status\"]}";

    /// <summary>Lines of distinct words (nothing for the compressor to collapse), with an error line every 100 lines.</summary>
    public static string WordLog(int bytes)
    {
        string[] words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
            "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray"];
        var random = new Random(42);
        var sb = new StringBuilder();
        for (var i = 1; sb.Length < bytes; i++)
        {
            if (i % 100 == 0) { sb.Append("error: step ").Append(words[i % words.Length]).Append(" failed\n"); continue; }
            for (var w = 0; w < 8; w++) sb.Append(words[random.Next(words.Length)]).Append(w == 7 ? '\n' : ' ');
        }
        return sb.ToString();
    }
}
