#!/usr/bin/env python3
"""PyTorch's side of TorchvisionModelImportTest: a seeded, untrained torchvision classifier, exported to ONNX by the
repository's recipe (models/tools/export_pytorch.py), and PyTorch's own probabilities for input tensors that the
app's Preprocessor wrote, so the test can compare them with what the app's analysis pipeline says.

    /usr/bin/python3 torchvision_reference.py --recipe models/tools/export_pytorch.py --arch mobilenet_v3_small \
        --labels mobilenet_v3_small_labels.json --seed 7 --size 224 --workdir DIR TENSOR.f32 [TENSOR.f32 ...]

Each TENSOR.f32 holds 1 x 3 x SIZE x SIZE raw little-endian float32 values (NCHW). Writes DIR/checkpoint.pt (the
weights), DIR/ARCH.onnx (written by the recipe from that checkpoint) and DIR/reference.json:
{"tensors": {"TENSOR.f32": {"logits": [...], "probabilities": {"head": [...], ...}}}}, the heads and their
activations (softmax, sigmoid, none) read from the labels file, as the app reads them. One process does it all,
because importing torch takes seconds. Needs Debian's python3-torch and python3-torchvision (or pip's torch and
torchvision); downloads nothing.
"""
import argparse
import importlib.util
import json
import os
import sys

import numpy as np
import torch
import torchvision


def heads_of(labels_path):
    """[(name, count, activation)] in output order, from either form of the Haski labels file."""
    with open(labels_path, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and isinstance(data.get("heads"), list):
        return [(h["name"], len(h["labels"]), h.get("activation", "softmax")) for h in data["heads"]]
    return [(name, len(labels), "softmax") for name, labels in data.items()]


def seeded_network(arch, classes, seed, size):
    """An untrained network whose outputs depend on its input.

    torchvision's own initialisation (BatchNorm at identity, the last Linear at std 0.01) leaves MobileNetV3's
    logits near 1e-9: every probability is then exactly uniform for any photo, and a comparison with the app would
    pass whatever the app fed the network. So the BatchNorm statistics are measured on seeded noise, as training
    would set them, and the classifier is scaled so that the logits spread with a standard deviation of 2.
    """
    torch.manual_seed(seed)
    model = getattr(torchvision.models, arch)(num_classes=classes)
    for module in model.modules():
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            module.reset_running_stats()
            module.momentum = None  # a plain average over the calibration batch
    calibration = torch.randn(16, 3, size, size)
    model.train()
    with torch.no_grad():
        model(calibration)
    model.eval()
    last = [m for m in model.modules() if isinstance(m, torch.nn.Linear)][-1]
    with torch.no_grad():
        spread = float(model(calibration).std())
        last.weight.mul_(2.0 / spread)
        last.bias.mul_(2.0 / spread)
    return model


def activate(logits, heads):
    """Each head's probabilities from its slice of the logits, in float64."""
    values = logits.astype(np.float64)
    result, offset = {}, 0
    for name, count, activation in heads:
        part = values[offset:offset + count]
        offset += count
        if activation == "softmax":
            exp = np.exp(part - part.max())
            part = exp / exp.sum()
        elif activation == "sigmoid":
            part = 1.0 / (1.0 + np.exp(-part))
        elif activation != "none":
            sys.exit(f"unknown activation {activation!r} for head {name}")
        result[name] = part.tolist()
    if offset != values.size:
        sys.exit(f"the labels file accounts for {offset} values, the network gives {values.size}")
    return result


def run_recipe(recipe, argv):
    """Runs export_pytorch.py's main() in this process (torch is already imported), as its command line would."""
    spec = importlib.util.spec_from_file_location("export_pytorch", recipe)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    saved = sys.argv
    sys.argv = [recipe] + argv
    try:
        module.main()
    finally:
        sys.argv = saved


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipe", required=True, help="models/tools/export_pytorch.py")
    parser.add_argument("--arch", required=True, help="a torchvision.models builder, e.g. mobilenet_v3_small")
    parser.add_argument("--labels", required=True, help="the Haski labels file the test imports with")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("tensors", nargs="*", help="raw little-endian float32 files, 1x3xSIZExSIZE")
    args = parser.parse_args()
    torch.set_num_threads(1)

    heads = heads_of(args.labels)
    classes = sum(count for _, count, _ in heads)
    os.makedirs(args.workdir, exist_ok=True)
    checkpoint = os.path.join(args.workdir, "checkpoint.pt")
    onnx_file = os.path.join(args.workdir, args.arch + ".onnx")
    torch.save(seeded_network(args.arch, classes, args.seed, args.size).state_dict(), checkpoint)

    run_recipe(args.recipe, ["--model", "torchvision:" + args.arch, "--checkpoint", checkpoint,
                             "--labels", args.labels, "--out", onnx_file, "--size", str(args.size)])

    # The reference loads the checkpoint the recipe exported, into a freshly built network.
    model = getattr(torchvision.models, args.arch)(num_classes=classes)
    model.load_state_dict(torch.load(checkpoint, map_location="cpu"))
    model.eval()
    shape = (1, 3, args.size, args.size)
    results = {}
    for path in args.tensors:
        data = np.fromfile(path, dtype="<f4")
        if data.size != np.prod(shape):
            sys.exit(f"{path} holds {data.size} float32 values, expected {int(np.prod(shape))} ({shape})")
        with torch.no_grad():
            logits = model(torch.from_numpy(data.reshape(shape).copy()))[0].numpy()
        results[os.path.basename(path)] = {"logits": logits.astype(np.float64).tolist(),
                                           "probabilities": activate(logits, heads)}
    with open(os.path.join(args.workdir, "reference.json"), "w", encoding="utf-8") as f:
        json.dump({"arch": args.arch, "seed": args.seed, "torch": torch.__version__,
                   "torchvision": torchvision.__version__, "tensors": results}, f, indent=1)
    print(f"reference: {len(results)} tensors, torch {torch.__version__}, torchvision {torchvision.__version__}")


if __name__ == "__main__":
    main()
