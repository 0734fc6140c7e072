# Koperta — English messages.
# Every id here must also exist in pl/koperta.ftl (a test checks).

## Security modes

security-implicit-tls = implicit TLS
security-starttls = STARTTLS
security-plaintext = plaintext (UNSAFE: password and messages unencrypted)

## Command line: help

cli-about = Koperta sends mail over TLS only, with passwords kept in the system keyring.
cli-usage-heading = Usage
cli-commands-heading = Commands
cli-options-heading = Options
cli-arguments-heading = Arguments
cli-help-flag = Print help
cli-version-flag = Print version
cli-account-about = Manage sending accounts
cli-account-add-about = Add an account; prints its id on the last line
cli-account-list-about = List the accounts
cli-account-remove-about = Remove an account and its password from the keyring
cli-settings-about = Show or change settings
cli-settings-set-about = Change a setting: never-plaintext true|false, language auto|en|pl, theme system|light|dark
cli-settings-show-about = Show the settings
cli-arg-name = Your name as recipients see it
cli-arg-email = Your email address
cli-arg-host = Submission server host name
cli-arg-port = Submission server port (default: 465 for implicit TLS, 587 for STARTTLS)
cli-arg-security = Connection security: implicit-tls (recommended), starttls, or plaintext (only with never-plaintext off)
cli-arg-username = User name for the server (default: the email address)
cli-arg-ca-file = A PEM file with an extra CA certificate to trust for this account
cli-arg-pin-cert = A PEM file with the server's own certificate, to accept only that one (pinning)
cli-arg-password-stdin = Read the password from standard input (one line)
cli-arg-signature = Signature put under “-- ” when asked for
cli-arg-account-id = Account id, or its address when only one account has it
cli-arg-setting-key = Setting name
cli-arg-setting-value = New value

## Command line: usage errors

cli-error-prefix = koperta: error:
cli-error-unknown-argument = unknown option or argument “{ $arg }”.
cli-error-invalid-value = “{ $value }” is not a valid value for { $arg }. Possible values: { $valid }.
cli-error-missing-argument = a required option is missing: { $arg }.
cli-error-missing-subcommand = a command is missing.
cli-error-invalid-subcommand = unknown command “{ $name }”.
cli-error-conflict = these options cannot be used together: { $arg }.
cli-error-usage = the command line is not valid.
cli-hint-help = Run “koperta --help” for help.

## Command line: results

account-added = Account added: { $address } ({ $security }, { $host }:{ $port }).
account-list-empty = No accounts yet. Add one with “koperta account add”.
account-list-pinned = pinned certificate, SHA-256 { $fingerprint }
account-list-extra-ca = extra CA
account-removed = Account removed: { $address }.
account-removed-no-password = Account removed: { $address } (the keyring held no password for it).
account-removed-keyring-failed = Account removed from the settings, but its password could not be removed from the keyring: { $reason } Remove the entry by hand (service “koperta”, user “{ $id }”).
warning-plaintext-account = Warning: this account sends your password and your messages unencrypted. Anyone on the network path can read them.
warning-never-plaintext-off = Warning: never-plaintext is off. Accounts marked plaintext may now send passwords and messages unencrypted.
warning-plaintext-accounts-blocked = { $count ->
    [one] One plaintext account cannot send while never-plaintext is on: { $addresses }.
   *[other] { $count } plaintext accounts cannot send while never-plaintext is on: { $addresses }.
}
setting-saved = Saved: { $key } = { $value }.
settings-show-never-plaintext = never-plaintext = { $value }
settings-show-language = language = { $value }
settings-show-theme = theme = { $value }

## Errors: accounts and settings

account-error-not-found = No account has the id or address “{ $key }”. “koperta account list” shows them.
account-error-ambiguous = Several accounts have the address “{ $key }”; use one of these ids: { $ids }.
account-error-plaintext-forbidden = Plaintext accounts are refused while never-plaintext is on: the password and every message would cross the network unencrypted. Use implicit-tls or starttls; if you really must, first run “koperta settings set never-plaintext false”.
account-error-invalid-address = “{ $address }” is not an email address.
account-error-invalid-host = “{ $host }” is not a server host name.
account-error-invalid-port = The port must be between 1 and 65535, not “{ $port }”.
account-error-pem-unreadable = Cannot read the certificate file { $path }: { $reason }
account-error-pem-no-certificate = { $path } holds no PEM certificate (“-----BEGIN CERTIFICATE-----”).
account-error-pin-and-ca = Use either --ca-file or --pin-cert, not both: a pinned certificate already says exactly which server to trust.
account-error-password-empty = The password is empty. Give it on standard input with --password-stdin, for example: printf '%s' 'password' | koperta account add …
account-error-password-required = A password is needed: give it on standard input with --password-stdin.
account-error-password-read = Cannot read the password from standard input: { $reason }
settings-error-unknown-key = Unknown setting “{ $key }”. Settings: never-plaintext, language, theme.
settings-error-invalid-value = “{ $value }” is not a valid value for { $key }. Possible values: { $valid }.
paths-error-no-home = No home directory found to keep settings in. Set KOPERTA_HOME to a directory.

## Errors: config.toml

config-error-parse = The settings file { $path } is damaged at line { $line }, column { $column } ({ $detail }). Koperta keeps it exactly as it is and will not overwrite it; repair or move the file.
config-error-newer = The settings file { $path } was written by a newer Koperta (format { $found }). Koperta keeps it as it is; update Koperta to use it.
config-error-duplicate = The settings file { $path } has two accounts with the id { $id }. Koperta keeps it as it is; remove one of them.
config-error-io = Cannot read or write { $path }: { $reason }
config-error-kept-damaged = Not saved: the settings file { $path } is damaged and is kept as it is. Repair or move it, then try again.
config-error-serialize = The settings could not be written ({ $reason }). Nothing was changed.

## Errors: keyring

secrets-error-no-service = No system keyring is available ({ $detail }). Koperta keeps passwords only in the keyring: start a Secret Service such as GNOME Keyring or KeePassXC (with Secret Service enabled), then try again.
secrets-error-locked = The system keyring is locked. Unlock it (for example in “Passwords and Keys”, or by logging in again), then try again.
secrets-error-no-default-collection = The system keyring has no default collection to keep passwords in. Create one (for example a “Login” keyring in “Passwords and Keys”), then try again.
secrets-error-no-entry = The keyring holds no password for this account. Edit the account to enter it again.
secrets-error-timed-out = The system keyring did not answer within { $seconds } seconds. It may be waiting for you to unlock it in another window.
secrets-error-failure = The system keyring reported an error: { $detail }
