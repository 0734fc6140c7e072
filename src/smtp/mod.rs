//! Submission: our TLS transport under lettre's SMTP dialogue.

pub mod error;
pub mod session;
pub mod tap;
pub mod tls;
pub mod transport;
pub mod unacked;

pub use error::{CertProblem, Phase, SmtpError};
pub use session::{Delivery, Session};
pub use transport::{Deadlines, Target, TlsInfo};
