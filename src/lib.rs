//! Koperta: a desktop mail-sending client that sends only over TLS and
//! keeps passwords only in the OS keyring.
//!
//! The library holds everything that can be tested without a window:
//! accounts and settings ([`config`]), passwords ([`secrets`]), languages
//! ([`i18n`], [`report`]) and the command line ([`cli`]).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod account;
pub mod address;
pub mod checks;
pub mod cli;
pub mod config;
pub mod contacts;
pub mod discover;
pub mod dns;
pub mod draft;
pub mod fs;
pub mod i18n;
pub mod instance;
pub mod mailto;
pub mod mime;
pub mod outbox;
pub mod paths;
pub mod report;
pub mod secrets;
pub mod smtp;
pub mod spell;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
