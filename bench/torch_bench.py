#!/usr/bin/python3
"""PyTorch reference for the DL4J throughput benchmark (`java -jar target/workbench.jar bench`, which runs it).

Builds the same two context-encoder architectures, times training (Adam lr 1e-3, MSE) and inference (eval mode,
no_grad) on random inputs and targets uniform in [0, 1), and measures the float32 matmul ceiling. Each figure is the
median of --reps timed repetitions (each at least 3 s) after warm-up. Installs nothing: run it with Debian's
python3-torch (/usr/bin/python3). See bench/README.md for putting OpenBLAS in front of it.

    /usr/bin/python3 bench/torch_bench.py [--model 32|128|all|none] [--mode train|infer|both] [--reps N] [--json]
        [--no-matmul] [--batch N] [--seconds S]

The Java bench runs one model and one mode per process (--model 32 --mode train), so that each peak resident set
(peak_rss_bytes) belongs to that model and mode alone.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
from torch import nn


def conv_bn_relu(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


def upsample():
    return nn.Upsample(scale_factor=2, mode="nearest")


class ContextEncoder32(nn.Module):
    """3x32x32 context -> 3x16x16 centre: conv encoder, 4096-unit bottleneck, upsampling decoder."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            *conv_bn_relu(3, 64), nn.MaxPool2d(2),
            *conv_bn_relu(64, 128), nn.MaxPool2d(2),
            *conv_bn_relu(128, 256), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Unflatten(1, (256, 4, 4)),
            *conv_bn_relu(256, 256), upsample(),
            *conv_bn_relu(256, 128), upsample(),
            nn.Conv2d(128, 3, 3, padding=1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


def crop(t, each):
    return t[:, :, each:-each, each:-each]


class UNet128(nn.Module):
    """3x128x128 context -> 3x32x32 centre: U-Net whose skips are cropped to the centre region."""

    def __init__(self):
        super().__init__()
        self.e1 = nn.Sequential(*conv_bn_relu(3, 64))
        self.e2 = nn.Sequential(*conv_bn_relu(64, 128))
        self.e3 = nn.Sequential(*conv_bn_relu(128, 256))
        self.e4 = nn.Sequential(*conv_bn_relu(256, 512))
        self.b = nn.Sequential(*conv_bn_relu(512, 512))
        self.d4 = nn.Sequential(*conv_bn_relu(1024, 256))
        self.d3 = nn.Sequential(*conv_bn_relu(512, 128))
        self.d2 = nn.Sequential(*conv_bn_relu(256, 64))
        self.d1 = nn.Sequential(*conv_bn_relu(128, 32))
        self.out = nn.Sequential(nn.Conv2d(32, 3, 3, padding=1), nn.Sigmoid())
        self.pool = nn.MaxPool2d(2)
        self.up = upsample()

    def forward(self, x):
        e1 = self.e1(x)                                            # 64@128
        e2 = self.e2(self.pool(e1))                                # 128@64
        e3 = self.e3(self.pool(e2))                                # 256@32
        e4 = self.e4(self.pool(e3))                                # 512@16
        b = self.b(self.pool(e4))                                  # 512@8
        d4 = self.d4(torch.cat([self.up(b), e4], 1))               # 256@16
        d3 = self.d3(torch.cat([self.up(d4), e3], 1))              # 128@32, whole image at 1/4 scale
        c = crop(d3, 12)                                           # 128@8, the centre at 1/4 scale
        d2 = self.d2(torch.cat([self.up(c), crop(e2, 24)], 1))     # 64@16
        d1 = self.d1(torch.cat([self.up(d2), crop(e1, 48)], 1))    # 32@32
        return self.out(d1)                                        # 3@32


MODELS = {  # name: (factory, input size, output size, training batch, inference batch), the workbench's batches
    "32": (ContextEncoder32, 32, 16, 64, 256),
    "128": (UNet128, 128, 32, 16, 64),
}


def forward_flops_per_image(model, in_size):
    """2 x multiply-adds of convolutions and linear layers (BN, ReLU, pooling ignored, as on the Java side)."""
    macs = []

    def conv_hook(m, _, out):
        macs.append(out[0].numel() * m.in_channels // m.groups * m.kernel_size[0] * m.kernel_size[1])

    def linear_hook(m, _, __):
        macs.append(m.in_features * m.out_features)

    hooks = [m.register_forward_hook(conv_hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    hooks += [m.register_forward_hook(linear_hook) for m in model.modules() if isinstance(m, nn.Linear)]
    with torch.no_grad():
        model.eval()(torch.rand(1, 3, in_size, in_size))
    for h in hooks:
        h.remove()
    return 2 * sum(macs)


WARMUP_STEPS = 2
MIN_REP_SECONDS = 3.0  # the Java side's default too; --seconds changes it (the Java bench passes its own)


def time_repeated(reps, images_per_step, step):
    """Images/s per repetition, after WARMUP_STEPS untimed calls; a repetition runs whole calls for MIN_REP_SECONDS."""
    for _ in range(WARMUP_STEPS):
        step()
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter()
        steps = 0
        while True:
            step()
            steps += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= MIN_REP_SECONDS:
                break
        rates.append(steps * images_per_step / elapsed)
    return rates


def summary(rates):
    return {"median": statistics.median(rates), "min": min(rates), "max": max(rates), "n": len(rates)}


def bench_model(name, reps, batch=None, modes=("train", "infer")):
    """Trains at the model's training batch and infers at its inference batch; --batch sets both."""
    factory, in_size, out_size, default_train_batch, default_infer_batch = MODELS[name]
    train_batch = batch or default_train_batch
    infer_batch = batch or default_infer_batch
    torch.manual_seed(42)
    model = factory()
    flops = forward_flops_per_image(model, in_size)
    x = torch.rand(train_batch, 3, in_size, in_size)
    y = torch.rand(train_batch, 3, out_size, out_size)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()

    result = {"batch": train_batch, "infer_batch": infer_batch, "forward_flops_per_image": flops}
    if "train" in modes:
        model.train()
        train = summary(time_repeated(reps, train_batch, train_step))
        result.update(train_images_per_s=train, train_gflops=train["median"] * 3 * flops / 1e9)
    if "infer" in modes:
        model.eval()
        xi = torch.rand(infer_batch, 3, in_size, in_size)
        with torch.no_grad():
            infer = summary(time_repeated(reps, infer_batch, lambda: model(xi)))
        result.update(infer_images_per_s=infer, infer_gflops=infer["median"] * flops / 1e9)
    return result


def matmul_gflops(reps, n=2048):
    a, b = torch.rand(n, n), torch.rand(n, n)
    c = torch.empty(n, n)
    rates = time_repeated(reps, 1, lambda: torch.mm(a, b, out=c))
    return summary([r * 2.0 * n ** 3 / 1e9 for r in rates])


def loaded_blas():
    """Which BLAS shared objects the process actually mapped (Debian's alternatives make this non-obvious)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return sorted(paths)


def peak_rss_bytes():
    """This process's peak resident set: VmHWM, not ru_maxrss, which keeps the RSS of the process that forked us
    (the benchmark's JVM) across exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    global MIN_REP_SECONDS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["32", "128", "all", "none"], default="all",
                        help="none: only the matmul ceiling")
    parser.add_argument("--mode", choices=["train", "infer", "both"], default="both",
                        help="time training, inference, or both (default)")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--no-matmul", action="store_true", help="skip the matmul ceiling")
    parser.add_argument("--batch", type=int, help="batch size for every model and mode "
                        "(default: training 64 at 32 px, 16 at 128 px; inference 256 and 64)")
    parser.add_argument("--seconds", type=float, default=MIN_REP_SECONDS, help="minimum seconds per repetition")
    args = parser.parse_args()

    MIN_REP_SECONDS = args.seconds
    torch.set_num_threads(os.cpu_count())
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(),
              "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
              "ld_library_path": os.environ.get("LD_LIBRARY_PATH"), "models": {}}
    if not args.no_matmul:
        result["matmul_2048_gflops"] = matmul_gflops(args.reps)
    result["blas_libraries"] = loaded_blas()
    for name in {"all": ["32", "128"], "none": []}.get(args.model, [args.model]):
        modes = ("train", "infer") if args.mode == "both" else (args.mode,)
        result["models"][name] = bench_model(name, args.reps, args.batch, modes)
    result["peak_rss_bytes"] = peak_rss_bytes()

    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
        return
    print(f"torch {result['torch']}, {result['threads']} threads, BLAS {result['blas_libraries']}, "
          f"OPENBLAS_CORETYPE={result['openblas_coretype']}, peak RSS {result['peak_rss_bytes'] >> 20} MiB")
    m = result.get("matmul_2048_gflops")
    if m:
        print(f"matmul 2048x2048 float32: {m['median']:.1f} (min {m['min']:.1f}, max {m['max']:.1f}) GFLOP/s")
    for name, r in result["models"].items():
        print(f"model {name}, batch {r['batch']} (inference {r['infer_batch']}), "
              f"forward {r['forward_flops_per_image'] / 1e6:.1f} MFLOP/image")
        for kind in (k for k in ("train", "infer") if f"{k}_images_per_s" in r):
            s = r[f"{kind}_images_per_s"]
            print(f"  {kind} {s['median']:.1f} (min {s['min']:.1f}, max {s['max']:.1f}, n={s['n']}) images/s"
                  f" ({r[f'{kind}_gflops']:.1f} GFLOP/s{' at 3x forward' if kind == 'train' else ''})")


if __name__ == "__main__":
    main()
