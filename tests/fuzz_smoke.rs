#![cfg(not(target_arch = "wasm32"))]
//! A stable-Rust stand-in for the cargo-fuzz target (fuzz/, which needs
//! nightly): a seeded xorshift mutator over the example briefs and the
//! hostile corpus (bit and byte flips, interesting bytes, token and corpus
//! string insertions, deletions, truncations, splices of two inputs,
//! duplicated ranges, deep nesting) feeding the same body as the fuzz target,
//! tests/support/fuzz_body.rs. Any panic is reported with the seed, the
//! iteration and the input (written to target/fuzz-smoke-crash.bin).
//!
//!   cargo test --test fuzz_smoke                                   # ~5 s, part of the suite
//!   FUZZ_SMOKE_SECS=300 cargo test --release --test fuzz_smoke -- --nocapture
//!   FUZZ_SMOKE_SEED=42 FUZZ_SMOKE_ITERS=100000 cargo test --release --test fuzz_smoke
//!
//! Crashes it found are kept as regression inputs in `regressions()`.

#[path = "support/fuzz_body.rs"]
mod fuzz_body;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

const SEEDS: &[&str] = &[
    include_str!("../www/briefs/flash-brief.json"),
    include_str!("../www/briefs/feed.json"),
    include_str!("../www/briefs/gozaresh-fa.json"),
    include_str!("../www/briefs/minimal.json"),
    include_str!("../www/briefs/resumen-es.json"),
    r#"{"title":"T","summary":{"paragraphs":["a",["b",{"text":"c","href":"/d","strong":true,"em":true}]]},"quotes":[{"text":"q","author":"A","url":"mailto:a@b.c"}],"related":[{"title":"r","url":"//x.example/r","date":"2024-02-29T23:59:59.123456-11:00"}],"tags":[{"label":"t","url":"?t"}],"labels":{"feed":"F"},"image":{"src":"i.png","alt":""},"publisher":{"name":"P","logo":"https://x.example/l.png"},"dir":"auto","lang":"ar-EG","id":"a.b:c_d-e"}"#,
];

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\u0000",
    "\\n",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "1.0",
    "\u{feff}",
    "\"title\"",
    "\"url\"",
    "\"href\"",
    "\"text\"",
    "\"paragraphs\"",
    "\"labels\"",
    "\"date\"",
    "\"lang\"",
    "\"dir\"",
    "\"id\"",
    "\"version\"",
    "\"javascript:alert(1)\"",
    "\"<script>\"",
    "\"2023-02-29\"",
    "\"rtl\"",
    "é",
    "😀",
    "\u{202e}",
    "\u{0}",
];

/// Inputs that once broke something (none so far); each stays a regression test.
fn regressions() -> Vec<Vec<u8>> {
    vec![]
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn corpus() -> Vec<String> {
    include_str!("hostile/corpus.txt").lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// One to four mutations of `input` (byte-level: the result need not be UTF-8).
fn mutate(rng: &mut Rng, input: &[u8], pool: &[Vec<u8>], corpus: &[String]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = b.len();
        let at = rng.below(len + 1);
        match rng.below(12) {
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                b[i] = *[b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b'0', 0, 0x7f, 0x80, 0xc3, 0xed, 0xff, b'<', b'\n']
                    .get(rng.below(17))
                    .unwrap_or(&0);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            3 => {
                // A corpus string (JSON-encoded, quotes included) in place of a string value, or anywhere.
                let s = corpus[rng.below(corpus.len())].as_bytes();
                if let Some(q) = b.iter().skip(at).position(|&c| c == b'"').map(|p| p + at) {
                    let end = b.iter().skip(q + 1).position(|&c| c == b'"').map_or(b.len(), |p| p + q + 2).min(b.len());
                    b.splice(q..end, s.iter().copied());
                } else {
                    b.splice(at..at, s.iter().copied());
                }
            }
            4 if len > 0 => {
                let end = (at + 1 + rng.below(64)).min(len);
                b.drain(at.min(end)..end);
            }
            5 => b.truncate(at),
            6 => {
                // Splice: our head, another input's tail.
                let other = &pool[rng.below(pool.len())];
                let from = rng.below(other.len() + 1);
                b.truncate(at);
                b.extend_from_slice(&other[from..]);
            }
            7 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(len);
                let piece = b[start..end].to_vec();
                for _ in 0..1 + rng.below(8) {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            8 => {
                // Deep nesting, usually past the depth limit, sometimes very deep.
                let depth = [3, 15, 16, 17, 40, 1_000, 100_000][rng.below(7)];
                let (open, close) = if rng.below(2) == 0 { (&b"["[..], &b"]"[..]) } else { (&b"{\"a\":"[..], &b"}"[..]) };
                let mut nested = open.repeat(depth);
                nested.extend_from_slice(&b);
                if rng.below(3) > 0 {
                    nested.extend_from_slice(&close.repeat(depth));
                }
                b = nested;
            }
            9 => {
                // A long run of one character inside the first string value.
                let n = [10, 500, 501, 2_049, 10_001, 300_000][rng.below(6)];
                let c = [&b"a"[..], b"\\u00e9", "é".as_bytes(), b"<", b"\\ud800", b" "][rng.below(6)];
                if let Some(q) = b.iter().position(|&c| c == b'"') {
                    let run = c.repeat(n);
                    b.splice(q + 1..q + 1, run);
                }
            }
            10 => {
                // Wrap in a feed, or repeat into a long feed.
                let n = [1, 2, 100, 101][rng.below(4)];
                let mut feed = b"[".to_vec();
                for i in 0..n {
                    if i > 0 {
                        feed.push(b',');
                    }
                    feed.extend_from_slice(&b);
                }
                feed.push(b']');
                b = feed;
            }
            _ => {
                let i = rng.below(len + 1);
                b.insert(i, rng.next() as u8);
            }
        }
        if b.len() > 2_000_000 {
            b.truncate(2_000_000);
        }
    }
    b
}

fn settings() -> (u64, Option<u64>, Duration) {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seed = env("FUZZ_SMOKE_SEED").unwrap_or(0x5eed_b21e_fca2_d001);
    let iters = env("FUZZ_SMOKE_ITERS");
    let secs = env("FUZZ_SMOKE_SECS").unwrap_or(5);
    (seed.max(1), iters, Duration::from_secs(secs))
}

#[test]
fn regression_inputs_still_pass() {
    for input in regressions() {
        fuzz_body::run(&input);
    }
}

#[test]
fn mutated_briefs_never_panic() {
    let (seed, iters, budget) = settings();
    let mut rng = Rng(seed);
    let corpus = corpus();
    let mut pool: Vec<Vec<u8>> = SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect();
    let start = Instant::now();
    let (mut n, mut utf8, mut valid) = (0u64, 0u64, 0u64);
    let mut slowest = (Duration::ZERO, 0usize);
    loop {
        if iters.map_or(start.elapsed() >= budget, |max| n >= max) {
            break;
        }
        let parent = pool[rng.below(pool.len())].clone();
        let input = mutate(&mut rng, &parent, &pool, &corpus);
        n += 1;
        let t = Instant::now();
        let ok = catch_unwind(AssertUnwindSafe(|| {
            fuzz_body::run(&input);
            // Invalid UTF-8 is skipped by the target; read it lossily too, so no mutation is wasted.
            if std::str::from_utf8(&input).is_err() {
                fuzz_body::run_str(&String::from_utf8_lossy(&input));
            }
        }));
        if t.elapsed() > slowest.0 {
            slowest = (t.elapsed(), input.len());
        }
        if let Err(e) = ok {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/fuzz-smoke-crash.bin");
            let _ = std::fs::write(path, &input);
            let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
            panic!(
                "seed {seed:#x}, iteration {n}: panic {msg:?} on {} bytes (written to {path}): {:.300}",
                input.len(),
                String::from_utf8_lossy(&input)
            );
        }
        if let Ok(text) = std::str::from_utf8(&input) {
            utf8 += 1;
            // Keep valid variants (and some others) as parents: mutations then build on what parses.
            let is_valid = brief_card::check(text).is_empty();
            valid += u64::from(is_valid);
            if (is_valid || rng.below(50) == 0) && input.len() < 200_000 {
                if pool.len() < 512 {
                    pool.push(input);
                } else {
                    let i = SEEDS.len() + rng.below(pool.len() - SEEDS.len());
                    pool[i] = input;
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz smoke: seed {seed:#x}: {n} inputs in {secs:.1} s ({:.0}/s), {utf8} UTF-8, {valid} valid briefs, pool {}; slowest input {:.1?} ({} bytes)",
        n as f64 / secs,
        pool.len(),
        slowest.0,
        slowest.1
    );
    assert!(n > 0);
}
