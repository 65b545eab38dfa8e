using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

public sealed class CellExecutorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CellExecutor NewExecutor() => new(new ExecutorOptions());

    [Fact]
    public async Task Variables_and_types_carry_from_cell_to_cell()
    {
        var executor = NewExecutor();
        (await executor.ExecuteAsync("var x = 20; record Point(int A, int B);", 1, cancellation: Ct)).Succeeded.Should().BeTrue();
        var result = await executor.ExecuteAsync("new Point(x, 22).A + 22", 2, cancellation: Ct);

        result.Failure.Should().BeNull();
        result.Outputs.Should().ContainSingle().Which.Should().BeOfType<ExecuteResultOutput>()
            .Which.Data.Text("text/plain").Should().Be("42");
        executor.ExecutionCount.Should().Be(2);
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_in_order_with_display()
    {
        var executor = NewExecutor();
        var result = await executor.ExecuteAsync("Console.WriteLine(\"before\");\ndisplay(new[] { 1.5, 2.5 });\nConsole.Write(\"after\");", 1, cancellation: Ct);

        result.Outputs.Select(o => o.OutputType).Should().Equal("stream", "display_data", "stream");
        ((StreamOutput)result.Outputs[0]).Text.Should().Be("before\n");
        ((DisplayDataOutput)result.Outputs[1]).Data.Text("text/html").Should().Contain("<td>1.5</td>").And.Contain("<td>2.5</td>");
        ((StreamOutput)result.Outputs[2]).Text.Should().Be("after");
    }

    [Fact]
    public async Task A_live_listener_gets_each_line_as_it_is_written_and_the_cell_keeps_one_stream_output()
    {
        var executor = NewExecutor();
        var collector = new OutputCollector();
        var live = new List<string>();
        collector.OutputAdded += output => live.Add(((StreamOutput)output).Text);

        var result = await executor.ExecuteAsync("for (var i = 0; i < 3; i++) Console.WriteLine($\"epoch {i}\");", 1, collector, Ct);

        live.Should().Equal("epoch 0\n", "epoch 1\n", "epoch 2\n");
        result.Outputs.Should().ContainSingle().Which.Should().BeOfType<StreamOutput>().Which.Text.Should().Be("epoch 0\nepoch 1\nepoch 2\n");
    }

    [Fact]
    public async Task Tensor_alias_and_engine_namespaces_are_available()
    {
        var executor = NewExecutor();
        var result = await executor.ExecuteAsync("Tensor t = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2);\n(t * 2.0).Sum()", 1, cancellation: Ct);

        result.Failure.Should().BeNull();
        ((ExecuteResultOutput)result.Outputs.Single()).Data.Text("text/plain").Should().Be("20");
    }

    [Fact]
    public async Task Compile_error_names_cell_line_and_diagnostic()
    {
        var executor = NewExecutor();
        var result = await executor.ExecuteAsync("var a = 1;\nvar b = x + a;", 4, cancellation: Ct);

        result.Failure.Should().NotBeNull();
        result.Failure!.ToString().Should().Be("cell 4, line 2: CS0103: The name 'x' does not exist in the current context");
        var error = result.Outputs.OfType<ErrorOutput>().Single();
        error.EName.Should().Be("CS0103");
        error.Traceback[0].Should().Be("cell 4, line 2: CS0103: The name 'x' does not exist in the current context");
    }

    [Fact]
    public async Task Compile_error_in_the_first_cell_reports_columns_as_the_learner_sees_them()
    {
        var executor = NewExecutor();
        var result = await executor.ExecuteAsync("var b = x;", 1, cancellation: Ct);

        result.Outputs.OfType<ErrorOutput>().Single().Traceback.Should().Equal(
            "cell 1, line 1: CS0103: The name 'x' does not exist in the current context",
            "cell 1, line 1, column 9: CS0103: The name 'x' does not exist in the current context");
        (await executor.ExecuteAsync("Tensor.Zeros(2).Length", 2, cancellation: Ct)).Failure.Should().BeNull("the prelude is retried with the next cell");
    }

    [Fact]
    public async Task Referenced_assembly_and_its_namespace_are_usable_from_cells()
    {
        var executor = new CellExecutor(new ExecutorOptions
        {
            References = [typeof(CellExecutorTests).Assembly.Location],
            Imports = ["Course.Notebooks.Tests.Execution"],
        });

        var result = await executor.ExecuteAsync("CellExecutorTests.Answer * 2", 1, cancellation: Ct);

        result.Failure.Should().BeNull();
        ((ExecuteResultOutput)result.Outputs.Single()).Data.Text("text/plain").Should().Be("84");
    }

    /// <summary>Read by a cell in <see cref="Referenced_assembly_and_its_namespace_are_usable_from_cells"/>.</summary>
    public static int Answer => 42;

    [Fact]
    public async Task Runtime_exception_names_cell_and_line_and_keeps_earlier_state()
    {
        var executor = NewExecutor();
        await executor.ExecuteAsync("var data = new int[3];", 1, cancellation: Ct);
        var result = await executor.ExecuteAsync("var i = 2;\n\nvar y = data[i + 5];", 2, cancellation: Ct);

        result.Failure!.ToString().Should().Be("cell 2, line 3: IndexOutOfRangeException: Index was outside the bounds of the array.");
        result.Outputs.OfType<ErrorOutput>().Single().EName.Should().Be("IndexOutOfRangeException");
        (await executor.ExecuteAsync("data.Length", 3, cancellation: Ct)).Outputs.OfType<ExecuteResultOutput>().Single().Data.Text("text/plain").Should().Be("3");
    }

    [Fact]
    public async Task Exception_thrown_in_a_method_reports_the_cell_line_that_called_it()
    {
        var executor = NewExecutor();
        await executor.ExecuteAsync("static int Boom(int v)\n{\n    throw new InvalidOperationException(\"bad \" + v);\n}", 1, cancellation: Ct);
        var result = await executor.ExecuteAsync("var ok = 1;\nBoom(ok);", 2, cancellation: Ct);

        result.Failure!.Cell.Should().Be(2);
        result.Failure.Line.Should().Be(2);
        result.Failure.Message.Should().Be("bad 1");
    }

    [Fact]
    public async Task Statement_ending_with_semicolon_has_no_result_and_polyglot_magic_is_ignored()
    {
        var executor = NewExecutor();
        var result = await executor.ExecuteAsync("#!csharp\nvar z = 5;", 1, cancellation: Ct);

        result.Failure.Should().BeNull();
        result.Outputs.Should().BeEmpty();
    }

    [Fact]
    public async Task Loops_in_static_methods_and_cell_types_still_compile_with_interrupt_guards()
    {
        var executor = NewExecutor();
        var code = "static int SumTo(int n) { var s = 0; for (var i = 1; i <= n; i++) s += i; return s; }\n" +
                   "class Counter { public int Run() { var k = 0; while (k < 5) k++; return k; } }\n" +
                   "SumTo(10) + new Counter().Run()";

        var result = await executor.ExecuteAsync(code, 1, cancellation: Ct);

        result.Failure.Should().BeNull();
        ((ExecuteResultOutput)result.Outputs.Single()).Data.Text("text/plain").Should().Be("60");
    }

    [Fact]
    public async Task Interrupt_stops_an_endless_loop_at_its_line()
    {
        var executor = NewExecutor();
        await executor.ExecuteAsync("var n = 0L;", 1, cancellation: Ct);
        // The cell runs synchronously inside ExecuteAsync, so start it on another thread.
        var running = Task.Run(() => executor.ExecuteAsync("var m = 1;\nwhile (true) { n++; }", 2, cancellation: Ct), Ct);
        while (await Task.WhenAny(running, Task.Delay(200, Ct)) != running)
        {
            executor.Interrupt(); // a no-op until the cell has started
        }

        var result = await running;
        result.Failure!.ToString().Should().Be("cell 2, line 2: Interrupted: the cell was interrupted");
    }

    [Fact]
    public async Task Completion_lists_session_variables_and_members()
    {
        var executor = NewExecutor();
        await executor.ExecuteAsync("var learningRate = 0.1; var list = new List<int>();", 1, cancellation: Ct);

        executor.Complete("learn", 5, out var start).Should().Contain("learningRate");
        start.Should().Be(0);
        executor.Complete("list.Ad", 7, out start).Should().Contain("Add");
        start.Should().Be(5);
    }
}
