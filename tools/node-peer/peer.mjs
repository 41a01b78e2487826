// The folder pipeline a Node developer would write over a Haski model package: sharp decodes, shrinks on load,
// resizes and turns the picture into sRGB; the tensor is built as the package's model.json says; onnxruntime-node
// runs the model; each head's activation is applied. Prints one JSON line for docs/run-benchmarks.sh.
//
// Usage: node peer.mjs PACKAGE_DIR FOLDER [WORKERS] [--per-file]
//   WORKERS photos in flight at once (default 1), each inference with cores / WORKERS threads, as `bench` splits them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ort from 'onnxruntime-node';
import sharp from 'sharp';

const args = process.argv.slice(2);
const perFile = args.includes('--per-file');
const [packageDir, folder, workersArg = '1'] = args.filter((a) => a !== '--per-file');
if (!packageDir || !folder) {
  console.error('usage: node peer.mjs PACKAGE_DIR FOLDER [WORKERS] [--per-file]');
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'model.json'), 'utf8'));
const input = manifest.input;
const pre = input.preprocessing;
if (input.colour_order !== 'RGB' || pre.resize !== 'stretch') {
  console.error(`node peer: only RGB input with "stretch" resizing is written here, not ${input.colour_order}/${pre.resize}`);
  process.exit(2);
}
const workers = Math.max(1, Number(workersArg));
const threadsEach = Math.max(1, Math.floor(os.cpus().length / workers));
// One libvips thread per pipeline: the photos in flight are the parallelism, as with bench's workers. libvips'
// operation cache off: benchmark folders repeat photos, and a cached decode would not be a decode.
sharp.concurrency(1);
sharp.cache(false);

const { width, height } = input;
const plane = width * height;
const scale = pre.scale_to_unit ? 1 / 255 : 1;
const mean = pre.mean ?? [0, 0, 0];
const std = pre.std ?? [1, 1, 1];

function tensorFrom(rgb) {
  const values = new Float32Array(3 * plane);
  const nchw = input.layout === 'NCHW';
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) {
      const v = (rgb[p * 3 + c] * scale - mean[c]) / std[c];
      values[nchw ? c * plane + p : p * 3 + c] = v;
    }
  }
  const dims = nchw ? [1, 3, height, width] : [1, height, width, 3];
  return new ort.Tensor('float32', values, dims);
}

function heads(outputs) {
  return manifest.heads.map((head) => {
    const logits = outputs[head.output].data.slice(head.offset, head.offset + head.length);
    if (head.activation === 'softmax') {
      const top = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - top));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    }
    return head.activation === 'sigmoid' ? logits.map((l) => 1 / (1 + Math.exp(-l))) : logits;
  });
}

async function analyse(session, file) {
  const started = performance.now();
  const rgb = await sharp(file).rotate().resize(width, height, { fit: 'fill' }).removeAlpha()
    .toColourspace('srgb').raw().toBuffer();
  const decoded = performance.now();
  const tensor = tensorFrom(rgb);
  const prepared = performance.now();
  const outputs = await session.run({ [session.inputNames[0]]: tensor });
  const inferred = performance.now();
  heads(outputs);
  const done = performance.now();
  return { file: path.basename(file), decode_resize: decoded - started, tensor: prepared - decoded,
    inference: inferred - prepared, heads: done - inferred, total: done - started };
}

const onnx = path.join(packageDir, manifest.weights.onnx.file);
const sessions = await Promise.all(Array.from({ length: workers }, () => ort.InferenceSession.create(onnx,
  { intraOpNumThreads: threadsEach, interOpNumThreads: 1, graphOptimizationLevel: 'all' })));
const files = fs.readdirSync(folder).sort().map((f) => path.join(folder, f))
  .filter((f) => /\.(jpe?g|png|webp|tiff?|bmp|gif|heic|avif)$/i.test(f));

// A file sharp cannot read is counted and skipped, as bench counts the files Haski refuses.
let failures = 0;
async function attempt(session, file) {
  try {
    return await analyse(session, file);
  } catch {
    failures++;
    return null;
  }
}
// Warm-up: each session analyses the first file that works, untimed, as bench analyses one photo first.
for (const session of sessions) {
  for (const file of files) {
    if (await attempt(session, file)) break;
  }
}
failures = 0;
const results = [];
let next = 0;
const t0 = performance.now();
await Promise.all(sessions.map(async (session) => {
  while (next < files.length) {
    const result = await attempt(session, files[next++]);
    if (result) results.push(result);
  }
}));
const seconds = (performance.now() - t0) / 1000;
const median = (key) => {
  const v = results.map((r) => r[key]).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const report = {
  peer: `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}) + onnxruntime-node`,
  workers, photos: results.length, failures, seconds, photos_per_second: results.length / seconds,
  median_ms: { decode_resize: median('decode_resize'), tensor: median('tensor'), inference: median('inference'),
    heads: median('heads'), total: median('total') },
};
if (perFile) report.files = results;
console.log(JSON.stringify(report));
