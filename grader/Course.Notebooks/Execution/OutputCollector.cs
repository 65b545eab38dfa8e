using System.Text;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen. Console text is buffered per stream
/// and flushed as a <see cref="StreamOutput"/> whenever a rich output arrives in between, so
/// "print, display, print" keeps its order in the notebook.
/// </summary>
public sealed class OutputCollector
{
    private readonly List<CellOutput> outputs = [];
    private readonly StringBuilder pending = new();
    private string? pendingStream;
    private readonly Lock gate = new();

    /// <summary>Raised for every completed output (the kernel forwards these to iopub live).</summary>
    public event Action<CellOutput>? OutputAdded;

    public TextWriter StandardOutput => new StreamWriter(this, "stdout");

    public TextWriter StandardError => new StreamWriter(this, "stderr");

    public void Add(CellOutput output)
    {
        lock (gate)
        {
            FlushPending();
            Append(output);
        }
    }

    /// <summary>Everything collected so far, with any buffered text flushed.</summary>
    public IReadOnlyList<CellOutput> Complete()
    {
        lock (gate)
        {
            FlushPending();
            return outputs.ToList();
        }
    }

    private void Write(string stream, string text)
    {
        lock (gate)
        {
            if (pendingStream != stream) FlushPending();
            pendingStream = stream;
            pending.Append(text);
            // A live listener (the kernel) gets each finished line at once, so a training loop's
            // progress shows while it runs; the notebook still gets one merged stream output.
            if (OutputAdded is not null && text.Contains('\n')) FlushPending();
        }
    }

    private void FlushPending()
    {
        if (pending.Length == 0 || pendingStream is null) return;
        var text = pending.ToString();
        pending.Clear();
        // Consecutive writes to the same stream merge into one output, as Jupyter shows them.
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == pendingStream)
        {
            outputs[^1] = last with { Text = last.Text + text };
            OutputAdded?.Invoke(new StreamOutput(pendingStream, text));
            return;
        }

        Append(new StreamOutput(pendingStream, text));
    }

    private void Append(CellOutput output)
    {
        outputs.Add(output);
        OutputAdded?.Invoke(output);
    }

    private sealed class StreamWriter(OutputCollector owner, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => owner.Write(stream, value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value)) owner.Write(stream, value);
        }

        public override void Write(char[] buffer, int index, int count) => owner.Write(stream, new string(buffer, index, count));

        public override void WriteLine(string? value) => owner.Write(stream, (value ?? "") + "\n");
    }
}
