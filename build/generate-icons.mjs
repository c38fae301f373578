#!/usr/bin/env node
// Draws the app and tray icons and writes them as PNG files, so the icons are reproducible from this
// script alone:
//   node build/generate-icons.mjs
// Output: build/icon.png (1024 px, electron-builder derives the .ico, .icns and Linux sizes from it),
// build/tray/tray.png with tray@2x.png (16 and 32 px; Electron picks @2x on high-DPI screens), and
// one tray icon per compliance state and request marker, tray-<state>[-<marker>].png with @2x.
// Each state has its own glyph as well as its own colour, so it reads without colour vision:
// pass a check mark on green, warn an exclamation mark on amber, fail a cross on red, and idle
// (not checked in) a bar on grey. The marker is a dot in the top-right corner: blue while an urgent
// request is open, red while an emergency is open.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const FOREGROUND = [255, 255, 255];

/** Tray states: background colour and glyph strokes (segments in unit coordinates). */
const STATES = {
  pass: {
    background: [14, 124, 102],
    strokes: [
      [
        [0.27, 0.53],
        [0.43, 0.69],
      ],
      [
        [0.43, 0.69],
        [0.74, 0.35],
      ],
    ],
  },
  warn: {
    background: [176, 106, 0],
    strokes: [
      [
        [0.5, 0.25],
        [0.5, 0.58],
      ],
      [
        [0.5, 0.75],
        [0.5, 0.75],
      ],
    ],
  },
  fail: {
    background: [190, 30, 45],
    strokes: [
      [
        [0.32, 0.32],
        [0.68, 0.68],
      ],
      [
        [0.68, 0.32],
        [0.32, 0.68],
      ],
    ],
  },
  idle: {
    background: [110, 110, 110],
    strokes: [
      [
        [0.3, 0.5],
        [0.7, 0.5],
      ],
    ],
  },
};

/** Request markers: the dot's colour, or null for no dot. */
const MARKERS = {
  none: null,
  urgent: [0, 90, 200],
  emergency: [220, 0, 0],
};

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
  const lengthSquared = dx * dx + dy * dy;
  // A zero-length segment is a dot (the point of the exclamation mark).
  if (lengthSquared === 0) return Math.hypot(x - ax, y - ay);
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Coverage of a shape from its signed distance, with a one-pixel anti-aliased edge. */
function coverage(distance, size) {
  return Math.max(0, Math.min(1, 0.5 - distance * size));
}

/** Draws one icon: a rounded square in the state's colour with its white glyph, and the marker dot. */
function drawIcon(size, state = STATES.pass, marker = null) {
  const pixels = Buffer.alloc(size * size * 4);
  const strokeHalfWidth = 0.065;
  const dotCentre = [0.8, 0.2];
  const dotRadius = 0.2;
  const ringWidth = 0.06;

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;

      const square = coverage(roundedSquareDistance(x, y, 0.47, 0.18), size);
      const stroke = Math.min(...state.strokes.map(([from, to]) => segmentDistance(x, y, from, to)));
      const mark = coverage(stroke - strokeHalfWidth, size);
      let colour = state.background.map((channel, index) => channel * (1 - mark) + FOREGROUND[index] * mark);
      let alpha = square;

      // The marker dot sits on a white ring, so it stays visible on every background.
      if (marker !== null) {
        const fromDot = Math.hypot(x - dotCentre[0], y - dotCentre[1]);
        const ring = coverage(fromDot - dotRadius - ringWidth, size);
        const dot = coverage(fromDot - dotRadius, size);
        colour = colour.map((channel, index) => channel * (1 - ring) + FOREGROUND[index] * ring);
        colour = colour.map((channel, index) => channel * (1 - dot) + marker[index] * dot);
        alpha = Math.max(alpha, ring);
      }

      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) pixels[offset + channel] = Math.round(colour[channel]);
      pixels[offset + 3] = Math.round(255 * alpha);
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

  // The names here must match trayIconFile in electron/main/tray-icon.ts.
  for (const [stateName, state] of Object.entries(STATES)) {
    for (const [markerName, marker] of Object.entries(MARKERS)) {
      const base = markerName === 'none' ? `tray-${stateName}` : `tray-${stateName}-${markerName}`;
      for (const [suffix, size] of [
        ['', 16],
        ['@2x', 32],
      ]) {
        const path = join(buildDir, 'tray', `${base}${suffix}.png`);
        writeFileSync(path, drawIcon(size, state, marker));
        console.log(`Wrote ${path} (${size}x${size})`);
      }
    }
  }
}

main();
