"""PyTorch / NumPy side of the engine benchmarks.

Started once by the C# harness (Course.Engine.Benchmarks) as a child process and driven over stdin/stdout: one JSON
request per line in, one JSON reply per line out. The harness sets the environment that lets PyTorch be its best self
(OPENBLAS_CORETYPE removed so OpenBLAS picks its AVX-512 kernels, OMP_WAIT_POLICY=PASSIVE); the thread count is chosen
per request so the harness can keep the faster of 1 and 2 threads.

Every workload mirrors the engine's: same shapes, same batch order rule (a fresh permutation per epoch), same
hyper-parameters. Times are seconds per operation from time.perf_counter.
"""
import ctypes
import ctypes.util
import gzip
import json
import os
import struct
import sys
import time
import traceback

import numpy as np

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:  # the harness still gets NumPy figures and a clear message
    torch = None


def blas_core():
    """Name of the OpenBLAS kernel set in use (e.g. Cooperlake, Haswell), or None when it is not OpenBLAS."""
    for name in ("libblas.so.3", "libopenblas.so.0", ctypes.util.find_library("openblas")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
            fn = lib.openblas_get_corename
            fn.restype = ctypes.c_char_p
            return fn().decode()
        except (OSError, AttributeError):
            continue
    return None


def set_threads(threads):
    if torch is not None:
        torch.set_num_threads(int(threads))


def timed(fn, samples, inner=1):
    """Median-friendly samples: each sample is the mean time of `inner` calls."""
    out = []
    for _ in range(samples):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        out.append((time.perf_counter() - t0) / inner)
    return out


def inner_for(fn, budget=0.02):
    """How many calls make a sample of about `budget` seconds (after one warm call)."""
    fn()
    t0 = time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-7)
    return max(1, int(budget / one))


# ---------------------------------------------------------------- SGEMM

def sgemm(req):
    n = int(req["n"])
    rng = np.random.default_rng(1)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    if req["lib"] == "numpy":
        fn = lambda: a @ b
    else:
        set_threads(req["threads"])
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        out = torch.empty(n, n)
        fn = lambda: torch.mm(ta, tb, out=out)
    for _ in range(int(req.get("warmup", 2))):
        fn()
    return {"times": timed(fn, int(req["samples"]), inner_for(fn, 0.05))}


# ---------------------------------------------------------------- Fashion-MNIST

_data = {}


def read_idx(folder, stem):
    for name in (stem, stem + ".gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                raw = f.read()
            magic = struct.unpack(">I", raw[:4])[0]
            dims = magic & 0xFF
            shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
            return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    raise FileNotFoundError(f"{stem}(.gz) not found in {folder}")


def fashion(folder):
    if folder not in _data:
        xtr = read_idx(folder, "train-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255.0
        ytr = read_idx(folder, "train-labels-idx1-ubyte").astype(np.int64)
        xte = read_idx(folder, "t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255.0
        yte = read_idx(folder, "t10k-labels-idx1-ubyte").astype(np.int64)
        _data[folder] = tuple(torch.from_numpy(v) for v in (xtr, ytr, xte, yte))
    return _data[folder]


def he_init(model):
    """The engine's initialisation: weights N(0, 2/fan_in) (He), biases zero — so accuracies compare like for like."""
    for m in model.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
    return model


def mlp_model():
    return he_init(nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10)))


def cnn_model():
    return he_init(nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 10)))


def train_epochs(model, xtr, ytr, xte, yte, epochs, batch, lr, seed, image):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    g = torch.Generator().manual_seed(seed)
    n = xtr.shape[0]
    times = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = torch.randperm(n, generator=g)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            xb = xtr[idx]
            if image:
                xb = xb.view(-1, 1, 28, 28)
            loss = F.cross_entropy(model(xb), ytr[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    with torch.no_grad():
        correct = 0
        for s in range(0, xte.shape[0], 1000):
            xb = xte[s:s + 1000]
            if image:
                xb = xb.view(-1, 1, 28, 28)
            correct += (model(xb).argmax(1) == yte[s:s + 1000]).sum().item()
    return times, correct / xte.shape[0]


def mlp_epochs(req):
    set_threads(req["threads"])
    torch.manual_seed(int(req.get("seed", 0)))
    xtr, ytr, xte, yte = fashion(req["data"])
    times, acc = train_epochs(mlp_model(), xtr, ytr, xte, yte, int(req["epochs"]), 128, 0.1, int(req.get("seed", 0)), False)
    return {"epoch_times": times, "accuracy": acc}


def cnn_epochs(req):
    set_threads(req["threads"])
    torch.manual_seed(int(req.get("seed", 0)))
    xtr, ytr, xte, yte = fashion(req["data"])
    times, acc = train_epochs(cnn_model(), xtr, ytr, xte, yte, int(req["epochs"]), 64, 0.1, int(req.get("seed", 0)), True)
    return {"epoch_times": times, "accuracy": acc}


def train_step_times(model, x, y, lr, samples):
    opt = torch.optim.SGD(model.parameters(), lr=lr)

    def step():
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    return timed(step, samples, inner_for(step, 0.05))


def mlp_step(req):
    set_threads(req["threads"])
    torch.manual_seed(0)
    x, y = torch.rand(128, 784), torch.randint(0, 10, (128,))
    return {"times": train_step_times(mlp_model(), x, y, 0.1, int(req["samples"]))}


def cnn_step(req):
    set_threads(req["threads"])
    torch.manual_seed(0)
    x, y = torch.rand(64, 1, 28, 28), torch.randint(0, 10, (64,))
    return {"times": train_step_times(cnn_model(), x, y, 0.1, int(req["samples"]))}


# ---------------------------------------------------------------- tiny ops and recurrent layers

def tiny_add(req):
    set_threads(req["threads"])
    a, b = torch.randn(16), torch.randn(16)
    fn = lambda: a + b
    return {"times": timed(fn, int(req["samples"]), inner_for(fn, 0.02))}


def tiny_affine(req):
    set_threads(req["threads"])
    torch.manual_seed(0)
    lin = nn.Linear(64, 32)
    x = torch.randn(1, 64, requires_grad=True)
    dy = torch.randn(1, 32)

    def fn():
        lin.weight.grad = None
        lin.bias.grad = None
        x.grad = None
        y = F.relu(lin(x))
        y.backward(dy)

    return {"times": timed(fn, int(req["samples"]), inner_for(fn, 0.02))}


def recurrent(req):
    set_threads(req["threads"])
    torch.manual_seed(0)
    cls = nn.LSTM if req["cell"] == "lstm" else nn.GRU
    layer = cls(64, 128, batch_first=True)
    x = torch.randn(32, 35, 64, requires_grad=True)
    dy = torch.randn(32, 35, 128)

    def fn():
        for p in layer.parameters():
            p.grad = None
        x.grad = None
        y, _ = layer(x)
        y.backward(dy)

    for _ in range(2):
        fn()
    return {"times": timed(fn, int(req["samples"]), inner_for(fn, 0.05))}


def hello(_req):
    return {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "torch": torch.__version__ if torch is not None else None,
        "blas_core": blas_core(),
        "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE"),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "torch_default_threads": torch.get_num_threads() if torch is not None else None,
    }


HANDLERS = {
    "hello": hello, "sgemm": sgemm, "mlp_epochs": mlp_epochs, "mlp_step": mlp_step, "cnn_step": cnn_step,
    "cnn_epochs": cnn_epochs, "tiny_add": tiny_add, "tiny_affine": tiny_affine, "recurrent": recurrent,
}


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            req = json.loads(line)
            if req["cmd"] == "quit":
                break
            if torch is None and req["cmd"] not in ("hello",) and not (req["cmd"] == "sgemm" and req.get("lib") == "numpy"):
                reply = {"error": "torch is not installed"}
            else:
                reply = HANDLERS[req["cmd"]](req)
        except Exception as e:  # report, keep serving
            reply = {"error": f"{type(e).__name__}: {e}", "trace": traceback.format_exc()}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
