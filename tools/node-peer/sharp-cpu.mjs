// CPU time of sharp's decode + resize to 224 x 224 + sRGB (the Node peer's first step) per photo, mean of RUNS after
// five untimed runs, one libvips thread. Run by docs/run-cpu-per-photo.sh.
import sharp from 'sharp';

sharp.concurrency(1);
// Each run decodes the same file again: libvips' operation cache must not hand back the last result.
sharp.cache(false);
const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg);
const once = (file) => sharp(file).rotate().resize(224, 224, { fit: 'fill' }).removeAlpha().toColourspace('srgb')
  .raw().toBuffer();
for (const file of files) {
  for (let i = 0; i < 5; i++) await once(file);
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) await once(file);
  const used = process.cpuUsage(before);
  console.log(`${file.split('/').pop().padEnd(34)} sharp decode+resize ${((used.user + used.system) / 1000 / runs).toFixed(2).padStart(7)} ms CPU`);
}
