using System.Text;

namespace DistributedModel.Testing.Samples;

/// <summary>
/// Deterministic (seeded) generators of realistic developer tool output, shared by the compression tests, the hook
/// tests, the MCP tests and the benchmark. Each returns the text and the lines that must survive compression.
/// </summary>
public static class SampleOutputs
{
    /// <summary>All samples, for property-style tests and the benchmark.</summary>
    public static IReadOnlyList<Sample> All() =>
    [
        DotnetBuildWithErrors(), NpmInstallProgress(), PytestFailure(), ServiceLog(5000), GrepRecursive(1500),
        NoisyBuildLog(200 * 1024, 4), JestRun(), CargoTest(),
    ];

    /// <summary>
    /// A ~<paramref name="targetBytes"/> noisy build log (restore/compile chatter, progress, repeated warnings) with
    /// <paramref name="errorCount"/> compiler errors spread through it. Used end to end: Claude runs a command printing it.
    /// </summary>
    public static Sample NoisyBuildLog(int targetBytes = 200 * 1024, int errorCount = 4, int seed = 42)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(targetBytes + 4096);
        var must = new List<string>();
        string[] projects = ["Core", "Data", "Api", "Worker", "Web", "Contracts", "Infrastructure"];
        int line = 0;
        var errorAt = new HashSet<int>();
        int estimatedLines = targetBytes / 90;
        for (int e = 0; e < errorCount; e++) errorAt.Add((e + 1) * estimatedLines / (errorCount + 1));
        int emitted = 0;
        while (sb.Length < targetBytes)
        {
            line++;
            var p = projects[rng.Next(projects.Length)];
            switch (rng.Next(6))
            {
                case 0: sb.Append($"  Restored /src/{p}/{p}.csproj (in {rng.Next(50, 900)} ms).\n"); break;
                case 1: sb.Append($"  Compiling {p}/Generated/File{rng.Next(1000):D4}.g.cs ({rng.Next(1, 99)} KB) [{DateTime.UnixEpoch.AddSeconds(1_790_000_000 + line):HH:mm:ss.fff}]\n"); break;
                case 2: sb.Append($"  Copying file from \"/root/.nuget/packages/pkg{rng.Next(300)}/1.{rng.Next(9)}.{rng.Next(20)}/lib/net10.0/Pkg.dll\" to \"bin/Debug/net10.0/Pkg.dll\".\n"); break;
                case 3: sb.Append($"  Progress: {rng.Next(100)}% ({rng.Next(5000)}/{5000} items) elapsed 00:00:{rng.Next(60):D2}\n"); break;
                case 4: sb.Append($"  {p} -> /src/{p}/bin/Debug/net10.0/{p}.dll\n"); break;
                default: sb.Append($"  Task \"Csc\" skipped, id {rng.Next():x8}{rng.Next(100000):x5}, target up to date.\n"); break;
            }
            if (errorAt.Contains(line))
            {
                var err = $"/src/{p}/Services/Order{emitted}Service.cs({10 + emitted * 7},{5 + emitted}): error CS{1000 + emitted * 111}: The name 'order{emitted}' does not exist in the current context [/src/{p}/{p}.csproj]";
                sb.Append(err).Append('\n');
                must.Add(err);
                emitted++;
            }
        }
        var warn = "/src/Web/Program.cs(12,9): warning CS8618: Non-nullable property 'Name' must contain a non-null value when exiting constructor. [/src/Web/Web.csproj]";
        sb.Append(warn).Append('\n');
        must.Add(warn);
        sb.Append("\nBuild FAILED.\n\n");
        must.Add("Build FAILED.");
        var summary = $"    1 Warning(s)\n    {emitted} Error(s)\n\nTime Elapsed 00:01:{rng.Next(10, 59)}.{rng.Next(10, 99)}\n";
        sb.Append(summary);
        must.Add("    1 Warning(s)");
        must.Add($"    {emitted} Error(s)");
        return new Sample("noisy-build-200k", sb.ToString(), must);
    }

    /// <summary><c>dotnet build</c> of a small solution with two errors and three warnings.</summary>
    public static Sample DotnetBuildWithErrors()
    {
        var sb = new StringBuilder();
        var must = new List<string>();
        sb.Append("  Determining projects to restore...\n");
        for (int i = 0; i < 40; i++) sb.Append($"  Restored /repo/src/Lib{i}/Lib{i}.csproj (in {100 + i * 7} ms).\n");
        for (int i = 0; i < 60; i++) sb.Append($"  Lib{i % 40} -> /repo/src/Lib{i % 40}/bin/Debug/net10.0/Lib{i % 40}.dll\n");
        string[] diags =
        [
            "/repo/src/Api/Controllers/OrdersController.cs(42,17): error CS0246: The type or namespace name 'OrderDto' could not be found (are you missing a using directive or an assembly reference?) [/repo/src/Api/Api.csproj]",
            "/repo/src/Api/Program.cs(7,1): warning CS8321: The local function 'Configure' is declared but never used [/repo/src/Api/Api.csproj]",
            "/repo/src/Data/Repo.cs(118,33): error CS1503: Argument 1: cannot convert from 'string' to 'int' [/repo/src/Data/Data.csproj]",
            "/repo/src/Data/Repo.cs(12,18): warning CS0169: The field 'Repo._cache' is never used [/repo/src/Data/Data.csproj]",
            "/repo/src/Web/Startup.cs(3,7): warning CS0105: The using directive for 'System' appeared previously in this namespace [/repo/src/Web/Web.csproj]",
        ];
        foreach (var d in diags) { sb.Append(d).Append('\n'); must.Add(d); }
        sb.Append("\nBuild FAILED.\n\n");
        foreach (var d in diags) sb.Append(d).Append('\n');
        sb.Append("    3 Warning(s)\n    2 Error(s)\n\nTime Elapsed 00:00:09.81\n");
        must.AddRange(["Build FAILED.", "    3 Warning(s)", "    2 Error(s)"]);
        return new Sample("dotnet-build", sb.ToString(), must);
    }

    /// <summary><c>npm install</c> with ANSI colours, spinner/progress rewrites with <c>\r</c>, deprecation warnings and an error.</summary>
    public static Sample NpmInstallProgress()
    {
        var sb = new StringBuilder();
        var must = new List<string>();
        string[] spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];
        for (int i = 0; i < 400; i++)
        {
            sb.Append($"\r\u001b[2K{spinner[i % spinner.Length]} \u001b[90mreify:pkg-{i}:\u001b[0m \u001b[32mtiming\u001b[0m reifyNode:node_modules/pkg-{i} Completed in {i * 3}ms");
            if (i % 50 == 49) sb.Append('\n');
        }
        for (int i = 0; i < 6; i++)
        {
            var w = $"npm warn deprecated glob@7.{i}.0: Glob versions prior to v9 are no longer supported";
            sb.Append($"\u001b[33m{w}\u001b[0m\n");
            must.Add(w);
        }
        sb.Append("\n\nadded 1342 packages, and audited 1343 packages in 41s\n\n212 packages are looking for funding\n  run `npm fund` for details\n");
        must.Add("added 1342 packages, and audited 1343 packages in 41s");
        var e1 = "npm error code ERESOLVE";
        var e2 = "npm error ERESOLVE could not resolve";
        sb.Append($"\u001b[31m{e1}\u001b[0m\n\u001b[31m{e2}\u001b[0m\n");
        must.AddRange([e1, e2]);
        for (int i = 0; i < 30; i++) sb.Append($"npm http fetch GET 200 https://registry.npmjs.org/pkg-{i} {i * 11}ms (cache revalidated)\n");
        return new Sample("npm-install", sb.ToString(), must);
    }

    /// <summary>A pytest session: 300 passing tests, 2 failures with tracebacks, the summary banner.</summary>
    public static Sample PytestFailure()
    {
        var sb = new StringBuilder();
        var must = new List<string>();
        sb.Append("============================= test session starts ==============================\nplatform linux -- Python 3.11.7, pytest-8.3.2, pluggy-1.5.0\nrootdir: /repo\ncollected 302 items\n\n");
        for (int i = 0; i < 300; i++) sb.Append($"tests/test_orders.py::test_order_case_{i} PASSED{new string(' ', 20)}[{i * 100 / 302,3}%]\n");
        sb.Append("tests/test_orders.py::test_refund FAILED                                  [ 99%]\n");
        sb.Append("tests/test_orders.py::test_cancel FAILED                                  [100%]\n");
        must.Add("tests/test_orders.py::test_refund FAILED                                  [ 99%]");
        must.Add("tests/test_orders.py::test_cancel FAILED                                  [100%]");
        sb.Append("\n=================================== FAILURES ===================================\n");
        sb.Append("_________________________________ test_refund __________________________________\n\n    def test_refund():\n        order = make_order(total=10)\n>       assert refund(order) == 10\nE       assert 0 == 10\nE        +  where 0 = refund(<Order id=1>)\n\n");
        must.AddRange(["E       assert 0 == 10", "tests/test_orders.py:88: AssertionError"]);
        sb.Append("tests/test_orders.py:88: AssertionError\n");
        sb.Append("_________________________________ test_cancel __________________________________\n\n    def test_cancel():\n>       cancel(None)\n\ntests/test_orders.py:95: \n_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ \n\n    def cancel(order):\n>       return order.id\nE       AttributeError: 'NoneType' object has no attribute 'id'\n\nsrc/orders.py:41: AttributeError\n");
        must.AddRange(["E       AttributeError: 'NoneType' object has no attribute 'id'", "src/orders.py:41: AttributeError", "tests/test_orders.py:95: "]);
        var summary = "========================= 2 failed, 300 passed in 4.21s =========================";
        sb.Append("=========================== short test summary info ============================\nFAILED tests/test_orders.py::test_refund - assert 0 == 10\nFAILED tests/test_orders.py::test_cancel - AttributeError: 'NoneType' object has no attribute 'id'\n").Append(summary).Append('\n');
        must.AddRange(["FAILED tests/test_orders.py::test_refund - assert 0 == 10", summary]);
        return new Sample("pytest", sb.ToString(), must);
    }

    /// <summary>A service log of <paramref name="lines"/> lines: INFO/DEBUG chatter with ids and timings, a few ERRORs with stack traces.</summary>
    public static Sample ServiceLog(int lines = 5000, int seed = 7)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        var must = new List<string>();
        var t0 = new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);
        string[] routes = ["/api/orders", "/api/customers", "/api/health", "/api/invoices"];
        for (int i = 0; i < lines; i++)
        {
            var ts = t0.AddMilliseconds(i * 137).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
            if (i % 1000 == 500)
            {
                var err = $"{ts} ERROR [req-{rng.Next(1 << 20):x5}] Unhandled exception processing {routes[i % 4]}";
                var ex = "System.InvalidOperationException: Sequence contains no elements";
                var frame = $"   at Shop.Orders.OrderService.GetAsync(Guid id) in /src/Shop/Orders/OrderService.cs:line {40 + i / 1000}";
                sb.Append(err).Append('\n').Append(ex).Append('\n').Append(frame).Append('\n');
                sb.Append("   at Shop.Api.OrdersEndpoint.Handle(HttpContext ctx) in /src/Shop/Api/OrdersEndpoint.cs:line 22\n");
                // Every error and exception line must survive; of the frames, the first trace's (a later trace repeats
                // the same frames, only a line number moves, and repeated frames are deduplicated).
                must.AddRange([err, ex]);
                if (i == 500) must.AddRange([frame, "   at Shop.Api.OrdersEndpoint.Handle(HttpContext ctx) in /src/Shop/Api/OrdersEndpoint.cs:line 22"]);
                continue;
            }
            if (i % 10 == 0)
                sb.Append($"{ts} DEBUG [conn-{rng.Next(64)}] pool stats active={rng.Next(20)} idle={rng.Next(20)}\n");
            else
                sb.Append($"{ts} INFO  [req-{rng.Next(1 << 20):x5}] HTTP GET {routes[rng.Next(4)]}/{rng.Next(100000)} responded 200 in {rng.Next(1, 400)} ms\n");
        }
        return new Sample("service-log-5000", sb.ToString(), must);
    }

    /// <summary>A long <c>grep -rn</c>: every line is a <c>file:line:</c> reference.</summary>
    public static Sample GrepRecursive(int matches = 1500)
    {
        var sb = new StringBuilder();
        var must = new List<string>();
        for (int i = 0; i < matches; i++)
        {
            var l = $"src/Module{i / 50}/Feature{i % 50}.cs:{(i * 37) % 900 + 1}:        var client = httpClientFactory.CreateClient(\"orders\");";
            sb.Append(l).Append('\n');
            // 1,500 files of one match each: over budget, the first files are shown with their match and the rest named
            // or counted — so the first ones must survive.
            if (i < 15) must.Add(l);
        }
        return new Sample("grep-rn", sb.ToString(), must);
    }

    /// <summary>A jest run: many passing suites/tests, one failing test with a diff and a stack.</summary>
    public static Sample JestRun()
    {
        var sb = new StringBuilder();
        var must = new List<string>();
        for (int s = 0; s < 30; s++)
        {
            sb.Append($"PASS src/components/Widget{s}.test.tsx ({1 + s % 4}.{s % 10}{s % 7} s)\n");
            for (int t = 0; t < 8; t++) sb.Append($"  ✓ renders variant {t} of widget {s} ({t * 3 + 1} ms)\n");
        }
        var fail = "FAIL src/components/Cart.test.tsx";
        var name = "  ● Cart › computes the total with discounts";
        var exp = "    Expected: 90";
        var rec = "    Received: 100";
        var at = "      at Object.<anonymous> (src/components/Cart.test.tsx:31:27)";
        sb.Append(fail).Append('\n').Append(name).Append("\n\n    expect(received).toBe(expected) // Object.is equality\n\n").Append(exp).Append('\n').Append(rec).Append("\n\n").Append(at).Append('\n');
        must.AddRange([fail, name, "    expect(received).toBe(expected) // Object.is equality", at]);
        var summary = "Tests:       1 failed, 240 passed, 241 total";
        sb.Append("\nTest Suites: 1 failed, 30 passed, 31 total\n").Append(summary).Append("\nSnapshots:   0 total\nTime:        12.4 s\nRan all test suites.\n");
        must.AddRange(["Test Suites: 1 failed, 30 passed, 31 total", summary]);
        return new Sample("jest", sb.ToString(), must);
    }

    /// <summary><c>cargo test</c>: compile lines, 400 ok tests, one panicking test.</summary>
    public static Sample CargoTest()
    {
        var sb = new StringBuilder();
        var must = new List<string>();
        for (int i = 0; i < 60; i++) sb.Append($"   Compiling crate{i} v0.{i % 10}.{i % 7}\n");
        sb.Append("    Finished `test` profile [unoptimized + debuginfo] target(s) in 38.21s\n     Running unittests src/lib.rs (target/debug/deps/shop-5f1c2a9d)\n\nrunning 401 tests\n");
        for (int i = 0; i < 400; i++) sb.Append($"test orders::tests::case_{i} ... ok\n");
        sb.Append("test orders::tests::refund_rounds ... FAILED\n\nfailures:\n\n---- orders::tests::refund_rounds stdout ----\n");
        var panic = "thread 'orders::tests::refund_rounds' panicked at src/orders.rs:212:9:";
        sb.Append(panic).Append("\nassertion `left == right` failed\n  left: 9\n right: 10\n\n");
        var result = "test result: FAILED. 400 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.42s";
        sb.Append("failures:\n    orders::tests::refund_rounds\n\n").Append(result).Append('\n');
        must.AddRange(["test orders::tests::refund_rounds ... FAILED", panic, "assertion `left == right` failed", result]);
        return new Sample("cargo-test", sb.ToString(), must);
    }
}
