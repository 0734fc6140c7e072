//! The desktop interface (iced). Nothing outside this module imports iced.

pub mod app;
pub mod compose;
mod config_io;
mod crash;
mod elsewhere;
pub mod focus;
pub mod frame_probe;
pub mod geometry;
pub mod icon;
pub mod index;
mod keyboard;
mod launch;
pub mod main_window;
pub mod sending;
pub mod sent_view;
mod signals;
pub mod style;
mod watch;
pub mod widget;
pub mod wizard;

pub use app::{Launch, run, start};
