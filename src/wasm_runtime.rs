//! The runtime of the `no_std` browser build: an allocator and a panic
//! handler that aborts without formatting anything. Validation is written
//! so that no input reaches a panic (clippy denies `unwrap`, `expect` and
//! indexing in library code); this handler exists for the impossible case
//! and keeps `core::fmt` out of the module.

#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
