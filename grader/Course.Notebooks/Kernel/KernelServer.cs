using System.Text.Json.Nodes;
using System.Threading.Channels;
using Course.Notebooks.Execution;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) over NetMQ. One poller thread owns every socket:
/// shell and control (ROUTER), iopub (PUB), stdin (ROUTER, unused: input() is not supported),
/// heartbeat (REP, echoes). Shell requests run in order on a worker task, so control requests
/// (interrupt, shutdown) are served while a cell runs. Everything the worker sends goes through
/// a queue the poller drains (NetMQ sockets are single-threaded). Messages with a bad signature
/// are logged and dropped, never executed.
/// </summary>
public sealed class KernelServer : IDisposable
{
    private readonly ConnectionInfo connection;
    private readonly WireCodec codec;
    private readonly CellExecutor executor;
    private readonly KernelRequests requests;
    private readonly TextWriter log;
    private readonly string session = Guid.NewGuid().ToString();
    private readonly RouterSocket shell = new();
    private readonly RouterSocket control = new();
    private readonly RouterSocket stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly NetMQQueue<(NetMQSocket Socket, List<byte[]> Frames)> outbox = new();
    private readonly Channel<JupyterMessage> shellQueue = Channel.CreateUnbounded<JupyterMessage>();
    private readonly NetMQPoller poller;
    private readonly CancellationTokenSource stopping = new();

    public KernelServer(ConnectionInfo connection, ExecutorOptions options, TextWriter log)
    {
        this.connection = connection;
        this.log = log;
        codec = new WireCodec(new MessageSigner(connection.Key));
        executor = new CellExecutor(options);
        requests = new KernelRequests(executor, Publish);
        shell.Bind(connection.Endpoint(connection.ShellPort));
        control.Bind(connection.Endpoint(connection.ControlPort));
        stdin.Bind(connection.Endpoint(connection.StdinPort));
        iopub.Bind(connection.Endpoint(connection.IopubPort));
        heartbeat.Bind(connection.Endpoint(connection.HbPort));
        shell.ReceiveReady += (_, e) => OnShell(e.Socket.ReceiveMultipartBytes());
        control.ReceiveReady += (_, e) => OnControl(e.Socket.ReceiveMultipartBytes());
        heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartBytes(e.Socket.ReceiveMultipartBytes());
        outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero)) item.Socket.SendMultipartBytes(item.Frames);
        };
        poller = [shell, control, heartbeat, outbox];
    }

    /// <summary>Serves until a shutdown_request arrives (or <paramref name="cancellation"/> fires).</summary>
    public async Task RunAsync(CancellationToken cancellation = default)
    {
        using var link = cancellation.Register(stopping.Cancel);
        poller.RunAsync();
        log.WriteLine($"course kernel: listening on {connection.Ip} (shell {connection.ShellPort}, iopub {connection.IopubPort}, control {connection.ControlPort}, hb {connection.HbPort})");
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        try
        {
            await foreach (var request in shellQueue.Reader.ReadAllAsync(stopping.Token))
            {
                await HandleShellAsync(request);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown requested.
        }

        // Let the poller flush the last replies (shutdown_reply, idle status) before closing.
        await Task.Delay(200, CancellationToken.None);
        poller.Stop();
    }

    private void OnShell(List<byte[]> frames)
    {
        if (Decode(frames, "shell") is { } message) shellQueue.Writer.TryWrite(message);
    }

    private void OnControl(List<byte[]> frames)
    {
        if (Decode(frames, "control") is not { } message) return;
        switch (message.Type)
        {
            case "interrupt_request":
                executor.Interrupt();
                Reply(control, "interrupt_reply", new JsonObject { ["status"] = "ok" }, message);
                break;
            case "shutdown_request":
                Shutdown(control, message);
                break;
            case "kernel_info_request":
                Reply(control, "kernel_info_reply", KernelRequests.KernelInfo(), message);
                break;
            default:
                log.WriteLine($"course kernel: control: unsupported message type '{message.Type}'");
                break;
        }
    }

    private async Task HandleShellAsync(JupyterMessage message)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, message);
        try
        {
            switch (message.Type)
            {
                case "kernel_info_request":
                    Reply(shell, "kernel_info_reply", KernelRequests.KernelInfo(), message);
                    break;
                case "execute_request":
                    Reply(shell, "execute_reply", await requests.ExecuteAsync(message, stopping.Token), message);
                    break;
                case "is_complete_request":
                    Reply(shell, "is_complete_reply", KernelRequests.IsComplete(message), message);
                    break;
                case "complete_request":
                    Reply(shell, "complete_reply", requests.Complete(message), message);
                    break;
                case "inspect_request":
                    Reply(shell, "inspect_reply", requests.Inspect(message), message);
                    break;
                case "comm_info_request":
                    Reply(shell, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }, message);
                    break;
                case "history_request":
                    Reply(shell, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }, message);
                    break;
                case "shutdown_request":
                    Shutdown(shell, message);
                    break;
                default:
                    log.WriteLine($"course kernel: shell: unsupported message type '{message.Type}'");
                    break;
            }
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, message);
        }
    }

    private void Shutdown(NetMQSocket socket, JupyterMessage message)
    {
        var restart = message.Content["restart"]?.GetValue<bool>() ?? false;
        Reply(socket, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }, message);
        executor.Interrupt();
        shellQueue.Writer.TryComplete();
        stopping.Cancel();
    }

    private JupyterMessage? Decode(List<byte[]> frames, string channel)
    {
        var message = codec.Decode(frames, out var rejection);
        if (message is null) log.WriteLine($"course kernel: {channel}: rejected message: {rejection}");
        return message;
    }

    private void Reply(NetMQSocket socket, string type, JsonObject content, JupyterMessage parent) =>
        outbox.Enqueue((socket, codec.Encode(JupyterMessage.Create(type, content, parent, parent.Session))));

    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(type, content, parent, parent?.Session ?? session, identities: [System.Text.Encoding.UTF8.GetBytes($"kernel.{session}.{type}")]);
        outbox.Enqueue((iopub, codec.Encode(message)));
    }

    public void Dispose()
    {
        poller.Dispose();
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat }) socket.Dispose();
        outbox.Dispose();
        stopping.Dispose();
    }
}
