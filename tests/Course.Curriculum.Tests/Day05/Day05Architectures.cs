using Course.Day05;
using Course.Engine;
using Course.Engine.Data;
using Course.Engine.Layers;
using Course.Engine.Optimizers;
using Tensor = Course.Engine.Tensor<double>;

namespace Course.Curriculum.Tests.Day05;

/// <summary>
/// The published architectures of the Day 5 survey, written as <see cref="LayerSpec"/> lists so the solution's
/// <see cref="ArchitectureMath"/> counts them: every parameter and multiply–add figure in the lesson, the quiz and the
/// figures comes from here. Branching networks (ResNet, Inception, Fire modules) are counted segment by segment, each
/// segment with its own input shape.
/// </summary>
public static class Day05Architectures
{
    public sealed record Count(string Name, long Parameters, long MultiplyAdds);

    public static Count Vgg16 => new("VGG-16", ArchitectureMath.ParameterCount(ArchitectureMath.Vgg16()), ArchitectureMath.MultiplyAdds(ArchitectureMath.Vgg16(), 3, 224, 224));

    public static Count Vgg19
    {
        get
        {
            var layers = ArchitectureMath.Vgg(2, 2, 4, 4, 4);
            return new("VGG-19", ArchitectureMath.ParameterCount(layers), ArchitectureMath.MultiplyAdds(layers, 3, 224, 224));
        }
    }

    /// <summary>A cost accumulator: each segment is counted with the input shape it actually sees.</summary>
    private sealed class Tally
    {
        public long Parameters, MultiplyAdds;

        public void Add(int c, int h, int w, params LayerSpec[] layers)
        {
            Parameters += ArchitectureMath.ParameterCount(layers);
            MultiplyAdds += ArchitectureMath.MultiplyAdds(layers, c, h, w);
        }
    }

    private static int Out(int size, int k, int s, int p) => (size + 2 * p - k) / s + 1;

    /// <summary>ResNet-18/34 (basic blocks) or ResNet-50 (bottleneck blocks) as in torchvision: bias-free convs, BN after each, fc 512·e → 1000.</summary>
    public static Count ResNet(int depth)
    {
        var (blocks, bottleneck) = depth switch
        {
            18 => (new[] { 2, 2, 2, 2 }, false),
            34 => (new[] { 3, 4, 6, 3 }, false),
            50 => (new[] { 3, 4, 6, 3 }, true),
            152 => (new[] { 3, 8, 36, 3 }, true),
            _ => throw new ArgumentOutOfRangeException(nameof(depth)),
        };
        var t = new Tally();
        t.Add(3, 224, 224, new LayerSpec.Conv(3, 64, 7, 2, 3, Bias: false), new LayerSpec.BatchNorm(64));
        int c = 64, h = 112;
        h = Out(h, 3, 2, 1);   // 3×3 max-pool stride 2 pad 1 → 56
        int expansion = bottleneck ? 4 : 1;
        int[] widths = [64, 128, 256, 512];
        for (int stage = 0; stage < 4; stage++)
        {
            for (int b = 0; b < blocks[stage]; b++)
            {
                int stride = stage > 0 && b == 0 ? 2 : 1, mid = widths[stage], outC = mid * expansion;
                int oh = Out(h, 3, stride, 1);
                if (bottleneck)
                {
                    t.Add(c, h, h, new LayerSpec.Conv(c, mid, 1, 1, 0, Bias: false), new LayerSpec.BatchNorm(mid),
                        new LayerSpec.Conv(mid, mid, 3, stride, 1, Bias: false), new LayerSpec.BatchNorm(mid),
                        new LayerSpec.Conv(mid, outC, 1, 1, 0, Bias: false), new LayerSpec.BatchNorm(outC));
                }
                else
                {
                    t.Add(c, h, h, new LayerSpec.Conv(c, mid, 3, stride, 1, Bias: false), new LayerSpec.BatchNorm(mid),
                        new LayerSpec.Conv(mid, outC, 3, 1, 1, Bias: false), new LayerSpec.BatchNorm(outC));
                }
                if (stride != 1 || c != outC)
                    t.Add(c, h, h, new LayerSpec.Conv(c, outC, 1, stride, 0, Bias: false), new LayerSpec.BatchNorm(outC));
                (c, h) = (outC, oh);
            }
        }
        t.Add(c, h, h, new LayerSpec.Pool(h, h), new LayerSpec.Fc(c, 1000));   // global average pooling, then fc
        return new($"ResNet-{depth}", t.Parameters, t.MultiplyAdds);
    }

    /// <summary>MobileNet (v1, width 1.0, 224×224): a full 3×3 conv, 13 depthwise-separable layers with BN, GAP, fc 1024 → 1000.</summary>
    public static Count MobileNet => new("MobileNet", ArchitectureMath.ParameterCount(MobileNetLayers()), ArchitectureMath.MultiplyAdds(MobileNetLayers(), 3, 224, 224));

    public static IReadOnlyList<LayerSpec> MobileNetLayers()
    {
        var layers = new List<LayerSpec> { new LayerSpec.Conv(3, 32, 3, 2, 1, Bias: false), new LayerSpec.BatchNorm(32) };
        (int Out, int Stride)[] plan = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)];
        int c = 32;
        foreach (var (o, s) in plan)
        {
            layers.Add(new LayerSpec.DepthwiseConv(c, 3, s, 1));
            layers.Add(new LayerSpec.BatchNorm(c));
            layers.Add(new LayerSpec.Conv(c, o, 1, 1, 0, Bias: false));
            layers.Add(new LayerSpec.BatchNorm(o));
            c = o;
        }
        layers.Add(new LayerSpec.Pool(7, 7));
        layers.Add(new LayerSpec.Fc(1024, 1000));
        return layers;
    }

    /// <summary>The same MobileNet with every depthwise-separable pair replaced by a full 3×3 conv (the paper's comparison).</summary>
    public static Count MobileNetWithFullConvs
    {
        get
        {
            var layers = new List<LayerSpec> { new LayerSpec.Conv(3, 32, 3, 2, 1, Bias: false), new LayerSpec.BatchNorm(32) };
            foreach (var dw in MobileNetLayers().OfType<LayerSpec.DepthwiseConv>().ToArray())
            {
                int o = MobileNetLayers().OfType<LayerSpec.Conv>().Skip(1).ElementAt(MobileNetLayers().OfType<LayerSpec.DepthwiseConv>().ToList().IndexOf(dw)).OutChannels;
                layers.Add(new LayerSpec.Conv(dw.Channels, o, 3, dw.Stride, 1, Bias: false));
                layers.Add(new LayerSpec.BatchNorm(o));
            }
            layers.Add(new LayerSpec.Pool(7, 7));
            layers.Add(new LayerSpec.Fc(1024, 1000));
            return new("MobileNet (full 3×3)", ArchitectureMath.ParameterCount(layers), ArchitectureMath.MultiplyAdds(layers, 3, 224, 224));
        }
    }

    /// <summary>SqueezeNet 1.0: Fire modules (1×1 squeeze, then parallel 1×1 and 3×3 expands, concatenated), convs with bias, no fc.</summary>
    public static Count SqueezeNet
    {
        get
        {
            var t = new Tally();
            t.Add(3, 224, 224, new LayerSpec.Conv(3, 96, 7, 2, 0));
            int h = Out(Out(224, 7, 2, 0), 3, 2, 0), c = 96;   // 109 → max-pool 3/2 → 54
            void Fire(int s, int e1, int e3)
            {
                t.Add(c, h, h, new LayerSpec.Conv(c, s, 1));
                t.Add(s, h, h, new LayerSpec.Conv(s, e1, 1));
                t.Add(s, h, h, new LayerSpec.Conv(s, e3, 3, 1, 1));
                c = e1 + e3;
            }
            Fire(16, 64, 64); Fire(16, 64, 64); Fire(32, 128, 128);
            h = Out(h, 3, 2, 0);
            Fire(32, 128, 128); Fire(48, 192, 192); Fire(48, 192, 192); Fire(64, 256, 256);
            h = Out(h, 3, 2, 0);
            Fire(64, 256, 256);
            t.Add(c, h, h, new LayerSpec.Conv(c, 1000, 1));
            return new("SqueezeNet", t.Parameters, t.MultiplyAdds);
        }
    }

    /// <summary>The nine Inception modules of GoogLeNet: (c1, c3r, c3, c5r, c5, pp).</summary>
    public static readonly (string Name, int C1, int C3r, int C3, int C5r, int C5, int Pp)[] GoogLeNetModules =
    [
        ("3a", 64, 96, 128, 16, 32, 32), ("3b", 128, 128, 192, 32, 96, 64),
        ("4a", 192, 96, 208, 16, 48, 64), ("4b", 160, 112, 224, 24, 64, 64), ("4c", 128, 128, 256, 24, 64, 64),
        ("4d", 112, 144, 288, 32, 64, 64), ("4e", 256, 160, 320, 32, 128, 128),
        ("5a", 256, 160, 320, 32, 128, 128), ("5b", 384, 192, 384, 48, 128, 128),
    ];

    /// <summary>One Inception module's branches as LayerSpecs (pool branch: the pool itself has no parameters).</summary>
    public static LayerSpec[] InceptionBranches(int inC, int c1, int c3r, int c3, int c5r, int c5, int pp) =>
    [
        new LayerSpec.Conv(inC, c1, 1), new LayerSpec.Conv(inC, c3r, 1), new LayerSpec.Conv(c3r, c3, 3, 1, 1),
        new LayerSpec.Conv(inC, c5r, 1), new LayerSpec.Conv(c5r, c5, 5, 1, 2), new LayerSpec.Pool(3, 1), new LayerSpec.Conv(inC, pp, 1),
    ];

    /// <summary>GoogLeNet as in the paper (convs with bias, 5×5 branches, no BN, no auxiliary classifiers).</summary>
    public static Count GoogLeNet
    {
        get
        {
            var t = new Tally();
            t.Add(3, 224, 224, new LayerSpec.Conv(3, 64, 7, 2, 3));
            int h = 56, c = 64;   // 112 → max-pool 3/2 (ceil) → 56
            t.Add(c, h, h, new LayerSpec.Conv(64, 64, 1), new LayerSpec.Conv(64, 192, 3, 1, 1));
            c = 192;
            h = 28;
            foreach (var m in GoogLeNetModules)
            {
                if (m.Name is "4a" or "5a") h /= 2;
                var cost = InceptionCost(c, h, m.C1, m.C3r, m.C3, m.C5r, m.C5, m.Pp);
                t.Parameters += cost.Parameters;
                t.MultiplyAdds += cost.MultiplyAdds;
                c = m.C1 + m.C3 + m.C5 + m.Pp;
            }
            t.Add(c, 7, 7, new LayerSpec.Pool(7, 7), new LayerSpec.Fc(1024, 1000));
            return new("GoogLeNet", t.Parameters, t.MultiplyAdds);
        }
    }

    public static Count InceptionCost(int inC, int h, int c1, int c3r, int c3, int c5r, int c5, int pp)
    {
        var t = new Tally();
        t.Add(inC, h, h, new LayerSpec.Conv(inC, c1, 1));
        t.Add(inC, h, h, new LayerSpec.Conv(inC, c3r, 1), new LayerSpec.Conv(c3r, c3, 3, 1, 1));
        t.Add(inC, h, h, new LayerSpec.Conv(inC, c5r, 1), new LayerSpec.Conv(c5r, c5, 5, 1, 2));
        t.Add(inC, h, h, new LayerSpec.Conv(inC, pp, 1));
        return new("inception", t.Parameters, t.MultiplyAdds);
    }

    /// <summary>AlexNet as in torchvision (five convs with bias, three max-pools, fc 9216–4096–4096–1000).</summary>
    public static Count AlexNet
    {
        get
        {
            LayerSpec[] layers =
            [
                new LayerSpec.Conv(3, 64, 11, 4, 2), new LayerSpec.Pool(3, 2), new LayerSpec.Conv(64, 192, 5, 1, 2), new LayerSpec.Pool(3, 2),
                new LayerSpec.Conv(192, 384, 3, 1, 1), new LayerSpec.Conv(384, 256, 3, 1, 1), new LayerSpec.Conv(256, 256, 3, 1, 1), new LayerSpec.Pool(3, 2),
                new LayerSpec.Fc(256 * 6 * 6, 4096), new LayerSpec.Fc(4096, 4096), new LayerSpec.Fc(4096, 1000),
            ];
            return new("AlexNet", ArchitectureMath.ParameterCount(layers), ArchitectureMath.MultiplyAdds(layers, 3, 224, 224));
        }
    }

    public static IReadOnlyList<Count> Survey() =>
        [AlexNet, Vgg16, Vgg19, GoogLeNet, ResNet(18), ResNet(50), ResNet(152), MobileNet, SqueezeNet];

    /// <summary>
    /// The depth experiment's network (the solution's <see cref="DepthExperiment"/> setup: Xavier init from
    /// rng.Fork("init"), first batch from rng.Fork("batches")) after one forward and backward pass at initialisation:
    /// ‖∂L/∂W‖ of each hidden layer, first (64 → 32) to last block.
    /// </summary>
    public static double[] GradientNormPerLayer(int depth, bool residual, Rng rng)
    {
        var (train, _) = Digits.Load();
        var init = rng.Fork("init");
        var first = new Affine<double>(Digits.Features, DepthExperiment.Hidden, init, WeightInit.Xavier);
        var firstAct = new Sigmoid<double>();
        var blocks = Enumerable.Range(0, depth).Select(_ => (Layer: new Affine<double>(DepthExperiment.Hidden, DepthExperiment.Hidden, init, WeightInit.Xavier), Act: new Sigmoid<double>())).ToArray();
        var head = new Affine<double>(DepthExperiment.Hidden, Digits.Classes, init, WeightInit.Xavier);
        var loss = new SoftmaxWithLoss<double>();
        var batch = train.Batches(DepthExperiment.BatchSize, rng.Fork("batches")).First();

        var h = firstAct.Forward(first.Forward(batch.X));
        foreach (var (layer, act) in blocks)
        {
            var f = act.Forward(layer.Forward(h));
            h = residual ? h + f : f;
        }
        loss.Forward(head.Forward(h), batch.Y);
        var dh = head.Backward(loss.Backward());
        for (int i = blocks.Length - 1; i >= 0; i--)
        {
            var df = blocks[i].Layer.Backward(blocks[i].Act.Backward(dh));
            dh = residual ? dh + df : df;
        }
        first.Backward(firstAct.Backward(dh));
        return [Norm(first.W.Grad), .. blocks.Select(b => Norm(b.Layer.W.Grad))];
    }

    private static double Norm(Tensor g) => Math.Sqrt(g.ToArray().Sum(v => v * v));
}
