namespace Course.Engine.Autograd;

/// <summary>Elementwise arithmetic with NumPy broadcasting; gradients are summed back to each operand's shape.</summary>
public sealed partial class Variable
{
    public static Variable operator +(Variable a, Variable b) => Node(a.Data + b.Data, "add", [a, b], o =>
    {
        a.Accumulate(BroadcastGradient.SumTo(o.Grad!, a.Shape));
        b.Accumulate(BroadcastGradient.SumTo(o.Grad!, b.Shape));
    });

    public static Variable operator -(Variable a, Variable b) => Node(a.Data - b.Data, "sub", [a, b], o =>
    {
        a.Accumulate(BroadcastGradient.SumTo(o.Grad!, a.Shape));
        b.Accumulate(BroadcastGradient.SumTo(-o.Grad!, b.Shape));
    });

    public static Variable operator *(Variable a, Variable b) => Node(a.Data * b.Data, "mul", [a, b], o =>
    {
        a.Accumulate(BroadcastGradient.SumTo(o.Grad! * b.Data, a.Shape));
        b.Accumulate(BroadcastGradient.SumTo(o.Grad! * a.Data, b.Shape));
    });

    public static Variable operator /(Variable a, Variable b) => Node(a.Data / b.Data, "div", [a, b], o =>
    {
        a.Accumulate(BroadcastGradient.SumTo(o.Grad! / b.Data, a.Shape));
        b.Accumulate(BroadcastGradient.SumTo(-(o.Grad! * a.Data / (b.Data * b.Data)), b.Shape));
    });

    public static Variable operator -(Variable a) => Node(-a.Data, "neg", [a], o => a.Accumulate(-o.Grad!));

    public static Variable operator +(Variable a, double s) => Node(a.Data + s, "add", [a], o => a.Accumulate(o.Grad!));
    public static Variable operator +(double s, Variable a) => a + s;
    public static Variable operator -(Variable a, double s) => a + (-s);
    public static Variable operator -(double s, Variable a) => -a + s;
    public static Variable operator *(Variable a, double s) => Node(a.Data * s, "scale", [a], o => a.Accumulate(o.Grad! * s));
    public static Variable operator *(double s, Variable a) => a * s;
    public static Variable operator /(Variable a, double s) => a * (1.0 / s);
}
