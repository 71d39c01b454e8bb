//! What `std`'s prelude would give us, from `alloc`, so every module reads
//! the same in the `no_std` browser build and the native build.
#![allow(unused_imports)]

pub use alloc::borrow::{Cow, ToOwned};
pub use alloc::boxed::Box;
pub use alloc::format;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
