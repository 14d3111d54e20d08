using System.Globalization;
using System.Text;

namespace DistributedModel.Hooks.Tests.Samples;

/// <summary>
/// A realistic noisy `dotnet build`-style log of roughly the requested size: restore/compile chatter with timestamps and
/// durations, ANSI colours, carriage-return progress, a few warnings, and a handful of errors with file(line,col) references.
/// <see cref="ErrorLines"/> are the lines that must survive any compression.
/// </summary>
public sealed class NoisyBuildLog
{
    private NoisyBuildLog(string text, IReadOnlyList<string> errorLines, IReadOnlyList<string> fileLineRefs)
    {
        Text = text;
        ErrorLines = errorLines;
        FileLineRefs = fileLineRefs;
    }

    public string Text { get; }

    public IReadOnlyList<string> ErrorLines { get; }

    /// <summary>"src/Orders/OrderService.cs(142,17)"-style references of the error lines.</summary>
    public IReadOnlyList<string> FileLineRefs { get; }

    public int Bytes => Encoding.UTF8.GetByteCount(Text);

    private static readonly (string File, string Message)[] ErrorTemplates =
    [
        ("Orders/OrderService.cs", "error CS0103: The name 'discount' does not exist in the current context"),
        ("Billing/InvoiceMapper.cs", "error CS0029: Cannot implicitly convert type 'decimal' to 'int'"),
        ("Api/CustomersController.cs", "error CS0246: The type or namespace name 'CustomerDto' could not be found (are you missing a using directive or an assembly reference?)"),
        ("Shipping/RateTable.cs", "error CS1002: ; expected"),
        ("Auth/TokenValidator.cs", "error CS0161: 'TokenValidator.Validate(string)': not all code paths return a value"),
        ("Reports/Exporter.cs", "error CS7036: There is no argument given that corresponds to the required parameter 'format' of 'Exporter.Write(Stream, string)'"),
    ];

    public static NoisyBuildLog Create(int targetBytes = 200 * 1024, int errors = 4)
    {
        var sb = new StringBuilder(targetBytes + 4096);
        var errorLines = new List<string>();
        var refs = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("MSBuild version 17.14.8+a7a4d5af0 for .NET\n  Determining projects to restore...\n");
        // Where the errors go: spread through the middle so neither head nor tail windows catch them.
        int estimatedLines = targetBytes / 70;
        var errorAt = Enumerable.Range(1, errors).Select(i => estimatedLines * i / (errors + 1)).ToHashSet();
        int line = 0;
        var t0 = new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);
        while (sb.Length < targetBytes)
        {
            line++;
            var ts = t0.AddMilliseconds(line * 37).ToString("HH:mm:ss.fff", inv);
            switch (line % 7)
            {
                case 0: sb.Append(inv, $"\u001b[32m  Restored /src/pkg{line % 40}/Pkg{line % 40}.csproj (in {line % 900 + 12} ms).\u001b[0m\n"); break;
                case 1: sb.Append(inv, $"[{ts}] Compiling Module{line % 250}/Feature{line}.cs ... done in {line % 97 + 3} ms\n"); break;
                case 2: sb.Append(inv, $"  Progress: {line % 100}%\r  Progress: {(line + 37) % 100}%\r  Progress: 100%\n"); break;
                case 3: sb.Append(inv, $"  Analyzer run 0x{line * 7919:x8} on obj/Release/net10.0/Gen{line}.g.cs took {line % 13}.{line % 10} ms\n"); break;
                case 4: sb.Append(inv, $"[{ts}] Copying file from \"/src/bin/Lib{line % 60}.dll\" to \"/out/Lib{line % 60}.dll\".\n"); break;
                case 5: sb.Append(inv, $"  Done executing task \"Csc\" for target CoreCompile in project Module{line % 250}.csproj ({line % 50}ms).\n"); break;
                default: sb.Append(inv, $"[{ts}] Build step {line} of many: resolving references for Module{line % 250}\n"); break;
            }
            if (line % 1500 == 0)
                sb.Append(inv, $"/src/Legacy/Old{line}.cs(10,3): warning CS0618: 'Foo.Bar()' is obsolete: 'use Baz' [/src/Legacy/Legacy.csproj]\n");
            if (errorAt.Contains(line))
            {
                int n = errorLines.Count;
                var (file, message) = ErrorTemplates[n % ErrorTemplates.Length];
                var fileRef = $"/src/{file}({100 + n * 7},{5 + n})";
                var err = $"{fileRef}: {message} [/src/Shop/Shop.csproj]";
                errorLines.Add(err);
                refs.Add(fileRef);
                sb.Append(err).Append('\n');
            }
        }
        // Unlike a real `dotnet build`, the summary does not repeat the errors: they must survive from the middle.
        sb.Append(inv, $"\nBuild FAILED.\n\n    {line / 1500} Warning(s)\n    {errorLines.Count} Error(s)\n\nTime Elapsed 00:00:41.27\n");
        return new NoisyBuildLog(sb.ToString(), errorLines, refs);
    }
}
