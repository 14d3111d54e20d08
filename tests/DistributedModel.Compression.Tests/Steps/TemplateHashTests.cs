using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Tests.Steps;

public class TemplateHashTests
{
    [Theory]
    [InlineData("2026-12-02 06:59:46,759 DEBUG worker: order 13 batch=0x5b", "2026-12-03 11:00:01,002 DEBUG worker: order 2999 batch=0x16a61d9")]
    [InlineData("GET /api/orders/17 from 10.0.0.7:5521 in 12ms", "GET /api/users/9 from 192.168.1.20:80 in 3ms")]
    [InlineData("req 3f2a9c1d-0b7e-4c1a-9d2e-7f00aa11bb22 done", "req 00000000-1111-2222-3333-444455556666 done")]
    [InlineData("copy \"a b c.dll\" to \"x.dll\"", "copy \"q.dll\" to \"other name.dll\"")]
    [InlineData("a    b", "a b")]
    public void Lines_that_differ_only_in_variable_parts_share_a_template(string a, string b) =>
        TemplateHash.Of(a).Should().Be(TemplateHash.Of(b));

    [Theory]
    [InlineData("order 13 failed", "order 13 shipped")]
    [InlineData("Compiling Core", "Linking Core")]
    public void Lines_that_say_different_things_do_not(string a, string b) => TemplateHash.Of(a).Should().NotBe(TemplateHash.Of(b));

    [Fact]
    public void Quoted_names_can_be_kept_so_two_diagnostics_stay_two() =>
        TemplateHash.Of("The name 'totl' does not exist", maskQuoted: false).Should().NotBe(TemplateHash.Of("The name 'missingValue' does not exist", maskQuoted: false));
}
