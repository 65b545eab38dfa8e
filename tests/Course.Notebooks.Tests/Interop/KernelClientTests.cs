using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Execution;
using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Fixtures;

namespace Course.Notebooks.Tests.Interop;

/// <summary>
/// One session of the reference Jupyter client (Python jupyter_client) against the kernel: the server runs in this
/// process on a connection file written here, a Python script drives it over ZeroMQ once, and each test below reads
/// one behaviour from the transcript. Skipped, with the install line, where jupyter_client is missing.
/// </summary>
public sealed class KernelSession : IAsyncLifetime
{
    private const string Driver = """
        import json, os, sys, time
        from jupyter_client import BlockingKernelClient
        from jupyter_client.session import Session

        kc = BlockingKernelClient(connection_file=sys.argv[1]); kc.load_connection_file(); kc.start_channels()
        kc.wait_for_ready(timeout=60)
        out = {}

        def reply_to(msg_id, channel=None, timeout=60):
            get = channel or kc.get_shell_msg
            while True:
                m = get(timeout=timeout)
                if m['parent_header'].get('msg_id') == msg_id: return m['content']

        def run(code):
            msg_id = kc.execute(code)
            outputs = []
            while True:
                m = kc.get_iopub_msg(timeout=60)
                if m['parent_header'].get('msg_id') != msg_id: continue
                if m['msg_type'] == 'status' and m['content']['execution_state'] == 'idle': break
                if m['msg_type'] != 'status': outputs.append({'type': m['msg_type'], 'content': m['content']})
            return {'reply': reply_to(msg_id), 'outputs': outputs}

        out['state'] = run('var x = 20;\nConsole.WriteLine(x + 22);')
        out['value'] = run('x * 2')
        out['error'] = run('var y = 1;\nthrow new InvalidOperationException("boom");')
        out['complete'] = reply_to(kc.complete('Console.WriteL', 14))
        out['is_complete'] = reply_to(kc.is_complete('for (var i = 0; i < 3; i++) {'))
        out['inspect'] = reply_to(kc.inspect('x', 1))
        busy = kc.execute('var n = 0L;\nwhile (true) { n++; }')
        time.sleep(1.5)
        interrupt = kc.session.msg('interrupt_request', {})
        kc.control_channel.send(interrupt)
        out['interrupt_reply'] = reply_to(interrupt['header']['msg_id'], kc.get_control_msg)
        out['interrupted'] = reply_to(busy)
        marker = os.path.join(os.path.dirname(sys.argv[1]), 'forged-marker')
        forger = Session(key=b'not-the-key', signature_scheme='hmac-sha256')
        forger.send(kc.shell_channel.socket, 'execute_request', {'code': 'System.IO.File.WriteAllText(@"%s", "x");' % marker,
            'silent': False, 'store_history': True, 'user_expressions': {}, 'allow_stdin': False, 'stop_on_error': True})
        time.sleep(1)
        out['after_forged'] = run('x + 1')
        out['forged_executed'] = os.path.exists(marker)
        shutdown = kc.session.msg('shutdown_request', {'restart': False})
        kc.control_channel.send(shutdown)
        out['shutdown'] = reply_to(shutdown['header']['msg_id'], kc.get_control_msg)
        print(json.dumps(out))
        """;

    private readonly StringWriter _log = new();
    private readonly CancellationTokenSource _stop = new();
    private KernelServer? _server;

    public JsonNode? Transcript { get; private set; }
    public string? SkipReason { get; private set; }
    public string Log => _log.ToString();

    /// <summary>The server's run, which a shutdown_request completes.</summary>
    public Task? Serving { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var python = Python.WithModules("jupyter_client");
        if (python is null) { SkipReason = "Python jupyter_client is not installed (apt-get install -y python3-jupyter-client)"; return; }
        var dir = FixtureNotebooks.TempFolder();
        var ports = FreePorts(5);
        var connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], Guid.NewGuid().ToString(), "hmac-sha256");
        var connectionFile = Path.Combine(dir, "kernel.json");
        File.WriteAllText(connectionFile, new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["shell_port"] = ports[0], ["iopub_port"] = ports[1], ["stdin_port"] = ports[2],
            ["control_port"] = ports[3], ["hb_port"] = ports[4], ["key"] = connection.Key, ["signature_scheme"] = "hmac-sha256", ["kernel_name"] = "course-csharp",
        }.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "driver.py"), Driver);
        _server = new KernelServer(ConnectionInfo.Load(connectionFile), new ExecutorOptions(), TextWriter.Synchronized(_log));
        Serving = _server.RunAsync(_stop.Token);

        var (code, stdout, stderr) = await Task.Run(() => Python.Run(python, [Path.Combine(dir, "driver.py"), connectionFile], TimeSpan.FromSeconds(120)));
        if (code != 0) throw new InvalidOperationException($"the jupyter_client driver failed ({code}): {stderr}");
        Transcript = JsonNode.Parse(stdout);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Serving is not null) { try { await Serving; } catch (OperationCanceledException) { } }
        _server?.Dispose();
        _stop.Dispose();
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}

/// <summary>The kernel as the reference Jupyter client sees it: one test per protocol behaviour.</summary>
public sealed class KernelClientTests(KernelSession session) : IClassFixture<KernelSession>
{
    private JsonNode Result
    {
        get
        {
            Assert.SkipWhen(session.SkipReason is not null, session.SkipReason ?? "");
            return session.Transcript!;
        }
    }

    [Fact]
    public void Cells_share_state_and_print_to_the_stream()
    {
        Result["state"]!["reply"]!["status"]!.GetValue<string>().Should().Be("ok");
        Result["state"]!["outputs"]!.AsArray().Select(o => o!["type"]!.GetValue<string>()).Should().Equal("execute_input", "stream");
        Result["state"]!["outputs"]![1]!["content"]!["text"]!.GetValue<string>().Should().Be("42\n");
    }

    [Fact]
    public void A_trailing_expression_becomes_the_execute_result_and_counts_executions()
    {
        Result["value"]!["outputs"]![1]!["content"]!["data"]!["text/plain"]!.GetValue<string>().Should().Be("40");
        Result["value"]!["reply"]!["execution_count"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public void An_exception_is_an_error_reply_naming_the_cell_and_line()
    {
        var error = Result["error"]!["reply"]!;
        (error["status"]!.GetValue<string>(), error["ename"]!.GetValue<string>(), error["evalue"]!.GetValue<string>())
            .Should().Be(("error", "InvalidOperationException", "boom"));
        error["traceback"]![0]!.GetValue<string>().Should().Be("cell 3, line 2: InvalidOperationException: boom");
    }

    [Fact]
    public void Completion_and_is_complete_answer_like_an_editor_expects()
    {
        Result["complete"]!["matches"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Contain("WriteLine");
        Result["complete"]!["cursor_start"]!.GetValue<int>().Should().Be(8);
        Result["is_complete"]!["status"]!.GetValue<string>().Should().Be("incomplete");
    }

    [Fact]
    public void Inspect_shows_a_variable_s_type_and_value() =>
        Result["inspect"]!["data"]!["text/plain"]!.GetValue<string>().Should().Be("x: System.Int32\n20");

    [Fact]
    public void An_interrupt_stops_an_endless_loop()
    {
        Result["interrupt_reply"]!["status"]!.GetValue<string>().Should().Be("ok");
        Result["interrupted"]!["ename"]!.GetValue<string>().Should().Be("Interrupted");
    }

    [Fact]
    public void A_message_signed_with_another_key_never_runs_and_the_session_goes_on()
    {
        Result["forged_executed"]!.GetValue<bool>().Should().BeFalse();
        Result["after_forged"]!["outputs"]![1]!["content"]!["data"]!["text/plain"]!.GetValue<string>().Should().Be("21", "the forged request never ran, and the session still works");
        session.Log.Should().Contain("shell: rejected message: invalid HMAC signature");
    }

    // The timeout only guards against a hang (a server that ignores shutdown would otherwise block the run); the
    // assertion is that the server's run completes, however long the machine takes.
    [Fact(Timeout = 60_000)]
    public async Task A_shutdown_request_is_answered_and_stops_the_server()
    {
        Result["shutdown"]!["status"]!.GetValue<string>().Should().Be("ok");
        await session.Serving!.WaitAsync(TestContext.Current.CancellationToken);
        session.Serving.IsCompletedSuccessfully.Should().BeTrue("shutdown_request ends the server's run without an error");
    }
}

/// <summary>The wire format, without a client.</summary>
public sealed class KernelWireTests
{
    [Fact]
    public void Signatures_are_hmac_sha256_of_the_four_dicts_and_forgeries_are_rejected()
    {
        var codec = new WireCodec(new MessageSigner("secret"));
        var message = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, null, "s1", [[1, 2, 3]]);
        var frames = codec.Encode(message);

        frames[0].Should().Equal(1, 2, 3);
        frames[1].Should().Equal(WireCodec.Delimiter);
        using var hmac = new System.Security.Cryptography.HMACSHA256("secret"u8.ToArray());
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(frames.Skip(3).Take(4).SelectMany(f => f).ToArray()));
        System.Text.Encoding.ASCII.GetString(frames[2]).Should().Be(expected);
        codec.Decode(frames, out _)!.Content["code"]!.GetValue<string>().Should().Be("1");

        frames[^1] = System.Text.Encoding.UTF8.GetBytes("{\"code\":\"File.Delete(x)\"}");
        codec.Decode(frames, out var rejection).Should().BeNull();
        rejection.Should().Be("invalid HMAC signature");
        new WireCodec(new MessageSigner("other")).Decode(codec.Encode(message), out rejection).Should().BeNull();
    }
}
