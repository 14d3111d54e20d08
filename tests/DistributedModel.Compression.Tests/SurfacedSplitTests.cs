using System.Text;
using DistributedModel.Compression;

namespace DistributedModel.Compression.Tests;

/// <summary>Issue 30.4: the diagnostics surfaced beyond the native preview are counted as errors and warnings apart.</summary>
public sealed class SurfacedSplitTests
{
    [Fact]
    public void Surfaced_errors_and_warnings_are_counted_apart_and_add_up_to_the_total()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 40; i++) sb.Append($"  Restoring package {i:D3} of the solution, nothing wrong here at all\n");
        for (int i = 0; i < 3; i++) sb.Append($"src/Lib/File{i}.cs(1{i},5): error CS010{i}: The name 'x{i}' does not exist in the current context\n");
        for (int i = 0; i < 5; i++) sb.Append($"src/Lib/Other{i}.cs(2{i},9): warning CS861{i}: Nullability of reference types in 'y{i}' does not match\n");
        for (int i = 0; i < 400; i++) sb.Append($"  Compiling unit {i:D4} of the solution with the usual amount of chatter\n");
        var text = sb.ToString();

        var r = OutputCompressor.Compress(text, new CompressionOptions { BudgetBytes = 4096, NativePreviewChars = 2048 });

        r.Changed.Should().BeTrue();
        r.SurfacedErrors.Should().Be(3);
        r.SurfacedWarnings.Should().Be(5);
        r.SurfacedDiagnostics.Should().Be(8);

        var none = OutputCompressor.Compress(text, new CompressionOptions { BudgetBytes = 4096 });
        (none.SurfacedErrors, none.SurfacedWarnings, none.SurfacedDiagnostics).Should().Be((0, 0, 0), "without a preview cut nothing is surfaced");
    }
}
