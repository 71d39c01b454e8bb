// Zeroes data the wasm is known to carry dead (the bytes become zeros
// rather than being cut out, so no offset or size in the module changes):
//
// 1. core's table of the two-digit pairs "00".."99" that integer formatting
//    reads (200 B, about 170 B gzip, since digit pairs hardly compress);
// 2. the texts only a panic message is made of: the standard library's
//    source paths (panic locations) and the messages of its allocation
//    failures (about 100 B gzip).
//
// 1.
// The module formats no integer with core::fmt. The table is linked all the
// same: the allocation-failure handler of `alloc` (which a no_std build
// cannot replace on stable Rust) builds its message, "memory allocation of
// {} bytes failed", with <u32 as Display>::fmt, and that function reads the
// table. Our panic handler never formats a message, so wasm-opt proves the
// function's body unreachable and empties it, but it cannot drop data: a
// wasm may read memory at any address.
//
// Zeroing is only sound when nothing reads the table, so it is done only
// when no instruction can name an address in it: the code section holds no
// LEB128 encoding (signed, as an i32.const, or unsigned, as a load or store
// offset) of any address from a little before the table to its end, and the
// data holds no pointer into it. Otherwise the wasm stays as it is.
//
// 2. Those texts are read only to format a panic message, and the module's
// panic handler (src/wasm_runtime.rs) formats none: it traps. Zeros keep
// their length and make valid UTF-8, so even a reader would stay in bounds.
// Should a build link std's panic handler, which prints messages ("panicked
// at"), they are left as they are.
import { leb as uleb, reader, sections } from "./wasm-names.mjs";

const DIGIT_PAIRS = new TextEncoder().encode(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join(""));
const SLACK = 16; // an address computed as (a constant a little before the table) + an index

// As a linker writes a relocated address: five bytes whatever the value.
const padded = (v) => [0, 1, 2, 3].map((k) => ((v >>> (7 * k)) & 0x7f) | 0x80).concat((v >>> 28) & 0x0f);
const sleb = (v) => { const out = []; for (;;) { const b = v & 0x7f; v >>= 7; if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) { out.push(b); return out; } out.push(b | 0x80); } };

/** {wasm, zeroed}: `wasm` (a Uint8Array, changed in place) and whether the table was zeroed. */
export function zeroDeadDigitPairs(wasm) {
  const list = sections(wasm);
  const code = list.find((s) => s.id === 10), data = list.find((s) => s.id === 11);
  if (!code || !data) return { wasm, zeroed: false };
  const table = findInData(wasm, data);
  if (!table) return { wasm, zeroed: false };
  const named = new Set();
  for (let a = table.address - SLACK; a < table.address + DIGIT_PAIRS.length; a++) {
    named.add(String(uleb(a))); named.add(String(sleb(a))); named.add(String(padded(a)));
  }
  const codeBytes = wasm.subarray(code.start, code.end);
  for (let i = 0; i < codeBytes.length; i++) {
    for (const n of [3, 4, 5]) if (named.has(String(Array.from(codeBytes.subarray(i, i + n))))) return { wasm, zeroed: false };
  }
  const view = new DataView(wasm.buffer, wasm.byteOffset, wasm.byteLength);
  for (let i = data.start; i + 4 <= data.end; i++) {
    const p = view.getUint32(i, true);
    if (p >= table.address - SLACK && p < table.address + DIGIT_PAIRS.length) return { wasm, zeroed: false };
  }
  wasm.fill(0, table.at, table.at + DIGIT_PAIRS.length);
  return { wasm, zeroed: true };
}

const PANIC_TEXTS = [/\/rustc\/[0-9a-f]{40}\/library\/[\w/]+\.rs/g, /capacity overflow/g, /memory allocation of /g, / bytes failed/g];

/** The number of panic texts zeroed in `wasm` (a Uint8Array, changed in place). */
export function zeroPanicTexts(wasm) {
  const data = sections(wasm).find((s) => s.id === 11);
  if (!data) return 0;
  // Latin-1, one character a byte: positions in the text are positions in the bytes.
  const text = new TextDecoder("latin1").decode(wasm.subarray(data.start, data.end));
  if (text.includes("panicked at")) return 0;
  let n = 0;
  for (const re of PANIC_TEXTS) {
    for (const m of text.matchAll(re)) { wasm.fill(0, data.start + m.index, data.start + m.index + m[0].length); n++; }
  }
  return n;
}

// Where the table is: its position in the file and its address in memory
// (the segment's constant offset plus its place in the segment); null when
// it is in no active segment with a constant offset, or in more than one place.
function findInData(wasm, data) {
  const r = reader(wasm, data.start);
  const found = [];
  for (let n = r.u32(); n > 0; n--) {
    const flag = r.u32();
    if (flag === 1) { const size = r.u32(); r.pos += size; continue; } // passive: at no known address
    if (flag === 2) r.u32(); // memory index
    if (flag > 2 || r.byte() !== 0x41) return null; // offset: i32.const …
    let offset = 0, shift = 0, b;
    do { b = r.byte(); offset |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    if (shift < 32 && b & 0x40) offset |= -1 << shift;
    if (r.byte() !== 0x0b) return null; // … end
    const size = r.u32(), start = r.pos;
    for (let i = start; i + DIGIT_PAIRS.length <= start + size; i++) {
      if (DIGIT_PAIRS.every((x, k) => wasm[i + k] === x)) found.push({ at: i, address: (offset >>> 0) + (i - start) });
    }
    r.pos = start + size;
  }
  return found.length === 1 ? found[0] : null;
}
