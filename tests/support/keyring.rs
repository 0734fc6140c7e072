//! The real Secret Service: gnome-keyring in a D-Bus session of its own,
//! with its own `HOME`, so nothing persists between tests or runs.
//!
//! The bus uses a configuration with no service directory, so nothing is
//! auto-activated: no gnome-keyring from the real `HOME`, and no unlock
//! prompt (there is no display), which fails at once instead of hanging.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};

/// What state the keyring is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyringMode {
    /// A login collection, unlocked, set as the default.
    Unlocked,
    /// A login collection exists on disk but the daemon was started without
    /// unlocking it.
    Locked,
    /// The daemon runs but no collection was ever created.
    NoDefaultCollection,
    /// A D-Bus session with nothing providing `org.freedesktop.secrets`.
    NoSecretService,
}

/// A running D-Bus session (and, but for `NoSecretService`, gnome-keyring).
pub struct KeyringSession {
    child: Child,
    pub bus: String,
    pub mode: KeyringMode,
    pub home: tempfile::TempDir,
}

const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=@DIR@</listen>
  <auth>EXTERNAL</auth>
  <standard_session_servicedirs/>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

impl KeyringSession {
    /// Starts the session; returns when the bus (and keyring) answer.
    pub fn start(mode: KeyringMode) -> KeyringSession {
        let home = tempfile::tempdir().expect("tempdir");
        let h = home.path();
        std::fs::create_dir_all(h.join("empty-services")).expect("mkdir");
        // No service directories at all: replace the standard ones.
        let config = BUS_CONFIG
            .replace("@DIR@", &h.display().to_string())
            .replace(
                "<standard_session_servicedirs/>",
                &format!(
                    "<servicedir>{}</servicedir>",
                    h.join("empty-services").display()
                ),
            );
        std::fs::write(h.join("bus.conf"), config).expect("write bus.conf");
        let daemon = "gnome-keyring-daemon --components=secrets";
        let setup = match mode {
            KeyringMode::Unlocked => format!("printf %s pw | {daemon} --unlock >/dev/null"),
            KeyringMode::Locked => format!(
                "printf %s pw | {daemon} --unlock >/dev/null && \
                 {daemon} --replace --start >/dev/null"
            ),
            KeyringMode::NoDefaultCollection => format!("{daemon} --start >/dev/null"),
            KeyringMode::NoSecretService => "true".to_string(),
        };
        let script = format!(
            "export HOME='{home}' XDG_RUNTIME_DIR='{home}' XDG_DATA_HOME='{home}/data'; \
             {setup} || exit 1; \
             echo \"BUS=$DBUS_SESSION_BUS_ADDRESS\"; exec cat >/dev/null",
            home = h.display()
        );
        let mut child = Command::new("dbus-run-session")
            .arg(format!("--config-file={}", h.join("bus.conf").display()))
            .arg("--")
            .arg("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("dbus-run-session (the test command installs dbus and gnome-keyring)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read bus");
        let bus = line
            .trim()
            .strip_prefix("BUS=")
            .unwrap_or_else(|| panic!("keyring session did not start ({mode:?}): {line:?}"))
            .to_string();
        if mode != KeyringMode::NoSecretService {
            // The daemon forks into the background and owns its bus name a
            // moment later.
            wait_for_name(&bus, "org.freedesktop.secrets");
        }
        KeyringSession {
            child,
            bus,
            mode,
            home,
        }
    }

    /// The session's process id (the process group leader).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Looks a password up with libsecret's `secret-tool`, independently of
    /// Koperta's code.
    pub fn lookup(&self, service: &str, user: &str) -> Option<String> {
        let out = Command::new("secret-tool")
            .args(["lookup", "service", service, "username", user])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .output()
            .expect("secret-tool (the test command installs libsecret-tools)");
        if out.status.success() {
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            None
        }
    }
}

fn wait_for_name(bus: &str, name: &str) {
    for _ in 0..100 {
        let out = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                &format!("string:{name}"),
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", bus)
            .output();
        if let Ok(out) = out
            && String::from_utf8_lossy(&out.stdout).contains("boolean true")
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

impl Drop for KeyringSession {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        super::kill_group(self.child.id());
        let _ = self.child.wait();
    }
}
