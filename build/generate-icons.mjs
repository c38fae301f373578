#!/usr/bin/env node
// Draws the app and tray icons (a white check mark on a green rounded square) and writes them as
// PNG files, so the icons are reproducible from this script alone:
//   node build/generate-icons.mjs
// Output: build/icon.png (1024 px, electron-builder derives the .ico, .icns and Linux sizes from it)
// and build/tray/tray.png with tray@2x.png (16 and 32 px; Electron picks @2x on high-DPI screens).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const BACKGROUND = [14, 124, 102];
const FOREGROUND = [255, 255, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG file. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Bytes 10-12 stay 0: deflate compression, adaptive filtering, no interlace.

  // Each scanline starts with its filter type; 0 means unfiltered.
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }

  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Signed distance from p to a square of half-size `half` with corner radius r, centred at 0.5. */
function roundedSquareDistance(x, y, half, r) {
  const qx = Math.abs(x - 0.5) - half + r;
  const qy = Math.abs(y - 0.5) - half + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Coverage of a shape from its signed distance, with a one-pixel anti-aliased edge. */
function coverage(distance, size) {
  return Math.max(0, Math.min(1, 0.5 - distance * size));
}

function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const check = [
    [0.27, 0.53],
    [0.43, 0.69],
    [0.74, 0.35],
  ];
  const strokeHalfWidth = 0.065;

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;

      const square = coverage(roundedSquareDistance(x, y, 0.47, 0.18), size);
      const stroke = Math.min(segmentDistance(x, y, check[0], check[1]), segmentDistance(x, y, check[1], check[2]));
      const mark = coverage(stroke - strokeHalfWidth, size);

      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(BACKGROUND[channel] * (1 - mark) + FOREGROUND[channel] * mark);
      }
      pixels[offset + 3] = Math.round(255 * square);
    }
  }
  return encodePng(size, size, pixels);
}

function main() {
  const buildDir = import.meta.dirname;
  mkdirSync(join(buildDir, 'tray'), { recursive: true });

  const outputs = [
    [join(buildDir, 'icon.png'), 1024],
    [join(buildDir, 'tray', 'tray.png'), 16],
    [join(buildDir, 'tray', 'tray@2x.png'), 32],
  ];
  for (const [path, size] of outputs) {
    writeFileSync(path, drawIcon(size));
    console.log(`Wrote ${path} (${size}x${size})`);
  }
}

main();
