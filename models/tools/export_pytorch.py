#!/usr/bin/env python3
"""Export a PyTorch image classifier to ONNX for Haski Desktop, then print the `models import` command.

The exported graph has one fixed input, `image` [1, 3, SIZE, SIZE] float32 (NCHW, RGB, scaled to 0..1 and
normalised with the mean/std you trained with; ImageNet's by default), and one output, `logits` [1, N]: raw
scores, no softmax (Haski applies the activation each head asks for). Dynamic axes are off, so the input size
is part of the file and `models import` needs no --size.

Usage (see models/README.md, "Bring your own model"):

    python3 models/tools/export_pytorch.py --model my_module:build_model --checkpoint best.pt \
        --labels labels.json --out my-model.onnx [--size 224] [--opset 13]

--model names a function (module:function, the module on PYTHONPATH) that returns the network (torch.nn.Module)
without weights; --checkpoint is a file saved with torch.save: a state_dict, a {"state_dict": ...} or
{"model": ...} dictionary, or a whole pickled module (then --model may be left out). With neither, --model
torchvision:mobilenet_v3_small style names work too ("torchvision:NAME" builds torchvision.models.NAME with
num_classes from the labels file, untrained unless a checkpoint is given).

The script checks the export with onnx.checker when the onnx package is installed, and compares ONNX Runtime
with PyTorch on a random input when onnxruntime is installed (neither is required).
"""
import argparse
import importlib
import json
import shlex
import sys


def label_count(path):
    """The number of labels a Haski labels file gives (both forms), or None without a file."""
    if not path:
        return None
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and isinstance(data.get("heads"), list):
        return sum(len(h["labels"]) for h in data["heads"])
    return sum(len(v) for v in data.values())


def build(model_spec, classes):
    module_name, _, function = model_spec.partition(":")
    if module_name == "torchvision":
        import torchvision
        kwargs = {"num_classes": classes} if classes else {}
        return getattr(torchvision.models, function)(**kwargs)
    return getattr(importlib.import_module(module_name), function)()


def load(args, classes):
    import torch
    model = build(args.model, classes) if args.model else None
    if args.checkpoint:
        state = torch.load(args.checkpoint, map_location="cpu")
        if isinstance(state, torch.nn.Module):
            model = state
        else:
            if isinstance(state, dict):
                state = state.get("state_dict", state.get("model", state))
            if model is None:
                sys.exit("--checkpoint holds weights only; name the network with --model module:function")
            model.load_state_dict(state)
    if model is None:
        sys.exit("give --model module:function and/or --checkpoint FILE")
    return model.eval()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="module:function returning the network, or torchvision:NAME")
    parser.add_argument("--checkpoint", help="weights saved with torch.save")
    parser.add_argument("--labels", help="Haski labels file (models/README.md); its label count is checked")
    parser.add_argument("--out", required=True, help="the .onnx file to write")
    parser.add_argument("--size", type=int, default=224, help="input side in pixels (default 224)")
    parser.add_argument("--opset", type=int, default=13, help="ONNX opset, 13 or later (default 13)")
    parser.add_argument("--id", help="package id for the printed import command")
    args = parser.parse_args()
    if args.opset < 13:
        sys.exit("--opset must be 13 or later")

    import torch
    classes = label_count(args.labels)
    model = load(args, classes)
    example = torch.rand(1, 3, args.size, args.size)
    with torch.no_grad():
        reference = model(example)
    if isinstance(reference, (tuple, list)):
        sys.exit("the model returns several outputs; wrap it so that forward() returns one logits tensor")
    if classes is not None and reference.numel() != classes:
        sys.exit(f"the model gives {reference.numel()} values but {args.labels} has {classes} labels")

    torch.onnx.export(model, example, args.out, input_names=["image"], output_names=["logits"],
                      opset_version=args.opset, dynamic_axes=None, do_constant_folding=True)
    print(f"wrote {args.out}: image [1, 3, {args.size}, {args.size}] -> logits {list(reference.shape)}, "
          f"opset {args.opset}")

    try:
        import onnx
        onnx.checker.check_model(onnx.load(args.out))
        print("onnx.checker: ok")
    except ImportError:
        pass
    try:
        import numpy as np
        import onnxruntime
        session = onnxruntime.InferenceSession(args.out, providers=["CPUExecutionProvider"])
        got = session.run(None, {"image": example.numpy()})[0]
        print(f"ONNX Runtime vs PyTorch: max difference {float(np.abs(got - reference.numpy()).max()):.2e}")
    except ImportError:
        pass

    command = ["java", "-jar", "target/haski-desktop.jar", "models", "import", args.out]
    if args.labels:
        command += ["--labels", args.labels]
    if args.id:
        command += ["--id", args.id]
    print("\nNow import it (add --mean/--std if you did not train with ImageNet's normalisation):\n")
    print("  " + " ".join(shlex.quote(c) for c in command))


if __name__ == "__main__":
    main()
