# Koperta — English messages.
# Every id here must also exist in pl/koperta.ftl (a test checks).

## Security modes

security-implicit-tls = Implicit TLS (SSL/TLS)
security-starttls = STARTTLS
security-plaintext = plaintext (UNSAFE: password and messages unencrypted)

## Command line: help

cli-about = Koperta sends mail over TLS only, with passwords kept in the system keyring.
cli-usage-heading = Usage
cli-value-email = EMAIL
cli-value-host = HOST
cli-value-security = SECURITY
cli-value-username = USERNAME
cli-value-name = NAME
cli-value-signature = SIGNATURE
cli-value-key = KEY
cli-value-value = VALUE
cli-value-address = ADDRESS
cli-value-addresses = ADDRESSES
cli-value-text = TEXT
cli-value-file = FILE
cli-value-path = PATH
cli-value-time = TIME
cli-value-identity = IDENTITY
cli-value-account = ACCOUNT
cli-value-command = COMMAND
cli-value-options = OPTIONS
cli-value-word = WORD
cli-commands-heading = Commands
cli-options-heading = Options
cli-arguments-heading = Arguments
cli-help-flag = Print help
cli-version-flag = Print version
cli-account-about = Manage sending accounts
cli-account-add-about = Add an account (its id is printed on the last line)
cli-account-edit-about = Change an account: only the options given; --password-stdin sets a new password
cli-account-list-about = List the accounts
cli-account-remove-about = Remove an account and its password from the keyring
cli-settings-about = Show or change settings
cli-without-command-lists = Without a command, lists them.
cli-without-command-shows = Without a command, shows them.
cli-settings-set-about = Change a setting: never-plaintext true|false, language auto|en|pl, theme system|light|dark, notifications true|false, undo-send-seconds 0–30
cli-settings-show-about = Show the settings
cli-arg-name = Your name as recipients see it
cli-arg-email = Your email address
cli-arg-host = Submission server host name
cli-arg-port = Submission server port (default: 465 for implicit TLS, 587 for STARTTLS)
cli-arg-security = Connection security: implicit-tls (recommended), starttls, or plaintext (only with never-plaintext off)
cli-arg-username = User name for the server (default: the email address)
cli-arg-ca-file = A PEM file with an extra CA certificate to trust for this account
cli-arg-pin-cert = A PEM file with the server’s own certificate, to accept only that one (pinning)
cli-arg-password-stdin = Read the password from standard input (one line)
cli-arg-signature = Signature, added below “-- ” when you include it
cli-arg-account-id = Account id, or its address when only one account has it
cli-arg-setting-key = Setting name
cli-arg-setting-value = New value

## Command line: usage errors

cli-error-prefix = koperta: error:
cli-error-unknown-argument = Unknown option or argument “{ $arg }”.
cli-error-invalid-value = “{ $value }” is not a valid value for { $arg }. Possible values: { $valid }.
cli-error-dns-server = “{ $value }” is not a DNS server address; give it as IP:PORT, for example 192.0.2.53:53.
cli-error-missing-argument = A required option is missing: { $arg }.
cli-error-missing-subcommand = A command is missing.
cli-error-invalid-subcommand = Unknown command “{ $name }”.
cli-error-conflict = { $arg } and { $other } cannot be used together.
cli-error-usage = The command line is not valid.
cli-hint-help = Run “koperta --help” for help.

## Command line: results

account-added = Account added: { $address } ({ $security }, { $host }:{ $port }).
account-added-not-checked = Not signed in yet: the password and the certificate were not checked. “koperta account test { $id }” checks them.
account-changed = Account changed: { $address } ({ $security }, { $host }:{ $port }).
account-changed-not-checked = Not signed in with the changes yet: “koperta account test { $id }” checks them.
account-edit-nothing = Nothing to change: the options given are the account as it is.
account-list-empty = No accounts yet. Add one with “koperta account add”.
account-list-pinned = pinned certificate, SHA-256 { $fingerprint }
account-list-extra-ca = extra CA
account-removed = Account removed: { $address }.
account-removed-outbox-kept = { $count ->
    [one] One message in the outbox was to go from this account: it stays there, unsent (“koperta outbox remove ID” deletes it).
   *[other] { $count } messages in the outbox were to go from this account: they stay there, unsent (“koperta outbox remove ID” deletes them).
}
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
account-error-duplicate = There is already an account for { $address } on { $host }:{ $port }, so nothing was added. Change that account instead.
account-error-duplicate-cli = Its id is { $id }; to start again, remove it first: koperta account remove { $id }
account-error-plaintext-forbidden = Plaintext accounts are refused while never-plaintext is on: the password and every message would cross the network unencrypted. Use implicit-tls or starttls; if you really must, first run “koperta settings set never-plaintext false”.
form-error-plaintext-forbidden = Unencrypted accounts are refused while “Never send without encryption” is on in Settings: the password and every message would cross the network unencrypted. Choose “Implicit TLS (SSL/TLS)” or STARTTLS as the security.
account-error-invalid-address = “{ $address }” is not an email address.
account-error-address-with-name = “{ $address }”: type only the address here, for example anna@example.com; your name goes in the “Your name” field.
account-error-invalid-host = “{ $host }” is not a server host name.
account-error-invalid-port = The port must be between 1 and 65535, not “{ $port }”.
account-error-pem-unreadable = Cannot read the certificate file { $path }: { $reason }
account-error-pem-no-certificate = { $path } holds no PEM certificate (“-----BEGIN CERTIFICATE-----”).
account-error-pin-and-ca = Use either --ca-file or --pin-cert, not both: a pinned certificate already says exactly which server to trust.
form-error-pin-and-ca = Give either an extra certificate authority or a pinned server certificate, not both: a pinned certificate already says which server to trust.
account-error-password-empty = The password is empty. Give it on standard input with --password-stdin, for example: printf '%s' 'password' | koperta account add …
account-error-password-required = A password is needed: give it on standard input with --password-stdin.
account-error-password-read = Cannot read the password from standard input: { $reason }
settings-error-unknown-key = Unknown setting “{ $key }”. Settings: never-plaintext, language, theme, notifications, undo-send-seconds.
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

secrets-error-no-service = No system keyring is available. Koperta keeps passwords only in the keyring: start a Secret Service such as GNOME Keyring or KeePassXC (with Secret Service enabled), then try again.
    The system said: { $detail }
secrets-error-locked = The system keyring is locked. Unlock it (for example in “Passwords and Keys”, or by logging in again), then try again.
secrets-error-no-default-collection = The system keyring has no default collection to keep passwords in. Create one (for example in “Passwords and Keys”), then try again.
secrets-error-no-entry = The keyring holds no password for this account. Edit the account to enter it again.
secrets-error-timed-out = The system keyring did not answer within { $seconds } seconds. It may be waiting for you to unlock it in another window.
secrets-error-failure = The system keyring reported an error: { $detail }

## Recipients and drafts

address-error-missing-at = “{ $text }”: no @ in the address.
address-error-empty-local = “{ $text }”: nothing before the @.
address-error-local-too-long = “{ $text }”: the part before the @ is { $octets } bytes long; at most 64 are allowed.
address-error-invalid-local = “{ $text }”: the part before the @ has characters that are not allowed, or misplaced dots.
address-error-unterminated-quote = “{ $text }”: a quotation mark is not closed.
address-error-empty-domain = “{ $text }”: nothing after the @.
address-error-invalid-domain = “{ $text }”: the part after the @ is not a valid domain.
address-error-domain-without-dot = “{ $text }”: the domain has no dot (for example “example.com”).
address-error-unterminated-angle = “{ $text }”: a “<” is not closed with “>”.
address-error-text-after = “{ $text }”: there is text after the address.
address-error-whitespace = “{ $text }”: the address contains spaces.
draft-error-no-sender = Choose the account to send from.
draft-error-invalid-sender = The sending account’s address is not valid: { $reason }
draft-error-no-recipients = Add at least one recipient.
draft-error-unreadable-attachment = Cannot read the attachment { $path }: { $reason }.
draft-error-build = The message could not be built: { $detail }
draft-field-to = To
draft-field-cc = Cc
draft-field-bcc = Bcc

## Sending

smtp-error-dns = Cannot find the server { $host }. Check the server name and your network connection.
    The system said: { $detail }
smtp-error-refused = The server { $host } refuses connections on port { $port }. Check the port and the security setting.
smtp-error-network = Network error.
    The system said: { $detail }
smtp-error-network-reset = The connection to the server was broken off (reset by the server or on the way).
smtp-error-network-closed = The connection to the server closed unexpectedly.
smtp-error-network-host-unreachable = The server cannot be reached (no route to it). Check the network connection.
smtp-error-network-unreachable = No network is reachable. Check the connection to the Internet.
smtp-error-network-no-address = None of the server’s addresses could be reached.
smtp-error-timeout-connect = The server did not accept the connection within { $seconds } seconds.
smtp-error-timeout-tls = The secure (TLS) connection was not set up within { $seconds } seconds.
smtp-error-timeout-greeting = The server did not send its greeting within { $seconds } seconds.
smtp-error-timeout-command = The server did not answer a command within { $seconds } seconds.
smtp-error-timeout-data = Sending the message stalled: nothing moved for { $seconds } seconds. Nothing was delivered.
smtp-error-timeout-final = The server did not confirm the message within { $seconds } seconds.
smtp-error-mode-implicit = This port expects TLS from the start: set the account’s security to “Implicit TLS (SSL/TLS)” (usually port 465).
smtp-error-mode-starttls = This port answers without TLS at first. If the server offers STARTTLS here, set the account’s security to STARTTLS (usually port 587); if it does not, this port cannot be used encrypted: ask the provider which port has TLS (usually 465 or 587).
smtp-error-cert-expired = The server’s certificate has expired. Nothing was sent. Subject: { $subject }
smtp-error-cert-unknown-issuer = The server’s certificate was not issued by an authority this computer trusts. Nothing was sent. Subject: { $subject }
smtp-error-cert-not-from-extra-ca = The server’s certificate was issued neither by an authority this computer trusts nor by the certificate authority in { $file }. Nothing was sent. Check that the file is your server’s certificate authority.
smtp-error-cert-wrong-name = The server’s certificate is not valid for { $host }; it is valid for: { $names }. Nothing was sent. Check the server name.
smtp-error-cert-pinned-changed = The server presented a different certificate from the one pinned for this account (SHA-256 { $presented } instead of { $pinned }). Nothing was sent. If the server’s administrator did not announce a change, someone may be intercepting the connection.
smtp-error-cert-other = The server’s certificate was refused ({ $detail }). Nothing was sent.
smtp-nothing-sent = Nothing was sent.
smtp-password-not-sent = Your password was not sent.
smtp-error-protocol-too-old = The server only offers TLS older than version 1.2, which is no longer safe. Nothing was sent.
smtp-error-tls = The secure connection failed. Nothing was sent.
    Details: { $detail }
smtp-error-starttls-not-offered = The server does not offer STARTTLS on this port, so the connection cannot be encrypted. Nothing was sent. Implicit TLS needs a port with TLS from the start (usually 465): choose both together; if the server has no such port, it cannot be used encrypted.
smtp-error-starttls-refused = The server refused STARTTLS. Nothing was sent.
    The server’s reply: { $code } { $text }
smtp-error-starttls-injection = The server sent unexpected data before encryption started, a sign of an attack on the connection. Nothing was sent.
smtp-error-protocol = The server broke off the dialogue.
    Details: { $detail }
smtp-error-dns-no-address = Cannot find the server { $host }: no such name exists in DNS. Check the server name.
smtp-error-tls-closed = The server closed the connection during the TLS handshake. Nothing was sent. Check the port and the security in the account’s settings.
smtp-error-pin-not-pem = This account’s pinned certificate is not in PEM format. Nothing was sent. Pin the certificate again in the account’s settings.
smtp-error-bad-server-name = “{ $host }” cannot be a server name for TLS. Nothing was sent. Check the server name.
smtp-error-closed = The server closed the connection.
smtp-error-not-smtp = No mail server (SMTP) answers on this port. Check the server name and the port.
    The server’s reply: { $text }
smtp-error-ehlo-refused = The server refused the greeting (EHLO). Nothing was sent.
    The server’s reply: { $text }
smtp-error-address-unsupported = The address { $address } cannot be passed to the server. Nothing was sent.
smtp-error-plaintext-forbidden = This account does not use encryption, and “Never send without encryption” is on. Nothing was sent.
smtp-error-auth-failed = The server refused the user name or password. Check them; some providers need an app password.
    The server’s reply: { $code } { $text }
smtp-error-no-mechanism = The server offers no sign-in method Koperta supports (PLAIN or LOGIN); it offers: { $offered }.
smtp-error-no-auth-offered = The server offers no sign-in at all on this connection (no AUTH in its EHLO reply), so Koperta cannot sign in. Check the port and the security: many servers offer sign-in only after STARTTLS or on port 465.
smtp-error-recipients-refused = { $count ->
    [one] The server refused a recipient, so the message was sent to nobody:
   *[other] The server refused { $count } recipients, so the message was sent to nobody:
}
smtp-error-recipient-line = { $address }: { $code } { $text }
smtp-error-too-large = The message is { $size }; the server accepts at most { $limit }. Remove or shrink attachments.
smtp-error-smtputf8 = The address { $address } needs an extension (SMTPUTF8) that the server does not offer.
smtp-error-transient = The server cannot take the message now ({ $code } { $text }). Try again later.
smtp-error-permanent = The server refused the message ({ $code } { $text }).
smtp-error-outcome-unknown = The connection was lost after the whole message went out, before the server confirmed it. It may have been sent: check with the recipients before sending again.
smtp-error-keyring = The password could not be read: { $reason }

## Command line: sending and testing

cli-send-about = Send a message
cli-account-test-about = Connect, secure the connection, sign in and quit; print what was found
cli-arg-account = Account id or address to send from
cli-arg-to = Recipients (To)
cli-arg-cc = Recipients (Cc)
cli-arg-bcc = Hidden recipients (Bcc)
cli-arg-subject = Subject
cli-arg-body-file = File with the message text, or “-” for standard input
cli-arg-attach = A file to attach (may be repeated)
cli-arg-protocol-log = Write the SMTP dialogue to this file (passwords are never written)
send-accepted = Accepted for { $address }
send-done = Sent: { $size }, server reply: { $reply }
send-protocol-log-failed = Cannot write the SMTP dialogue to { $path }: { $reason }
test-tls = Connection: { $tls }
test-certificate = Certificate: { $subject }, issued by { $issuer }
test-pinned = Certificate: pinned, SHA-256 { $fingerprint }
test-plaintext = Connection: NOT ENCRYPTED
test-auth = Signed in with: { $mechanism }
test-size = Maximum message size: { $size }
test-size-none = Largest message: no limit announced
test-ok = The account works.

## Desktop: main window

main-tab-accounts = Accounts
main-tab-outbox = Outbox
main-tab-drafts = Drafts
main-tab-sent = Sent
main-what-koperta-is = Koperta writes and sends mail through your provider’s server, only over encrypted connections. It has no inbox: replies arrive where you read mail now.
main-account-gone = (a removed account)
list-recipients-more = { $shown } and { $more } more
list-recipient-bcc = Bcc { $address }
drafts-no-recipient = (no recipient yet)
drafts-saved-at = saved { $time }
drafts-queued = its message waits in the outbox
drafts-open = open in a window
drafts-empty = No drafts. Whatever you write is kept here until it is sent.
drafts-discard-question = Discard the draft “{ $subject }”?
drafts-discard-queued-question = Discard the draft “{ $subject }”? Its message stays in the outbox as it is (it can still be sent or deleted there), but can no longer be edited.
drafts-gone = That draft is no longer there (discarded or sent).
outbox-edit-draft-gone = This message’s draft was discarded, so it cannot be edited: it can still be sent (Retry) or deleted.
drafts-discarded = Draft “{ $subject }” discarded.
drafts-undo-discard = Undo
drafts-recovered = { $count ->
        [one] A discarded draft is back in Drafts: Koperta ended before its Undo ran out.
       *[other] { $count } discarded drafts are back in Drafts: Koperta ended before their Undo ran out.
    }
drafts-left-open = { $count ->
        [one] A draft was open when Koperta last stopped: it is in Drafts, as it was at its last save (at most a second before).
       *[other] { $count } drafts were open when Koperta last stopped: they are in Drafts, as they were at their last save (at most a second before).
    }
drafts-restored = Draft “{ $subject }” is back in Drafts.
outbox-delete-question = Delete “{ $subject }” from the outbox? It will not be sent.
outbox-row-facts = from { $account } · queued { $time } · { $size } · { $attempts ->
        [0] not tried yet
        [one] one attempt
       *[other] { $attempts } attempts
    }
outbox-retry-all = Retry all
sent-row-facts = from { $account } · sent { $time } · { $size }
sent-server-said = the server said: { $reply }
sent-empty = Nothing sent from this computer yet. A copy of every message Koperta sends is kept here.
main-tab-settings = Settings
main-compose = New message
main-no-accounts = Welcome to Koperta. Add the account you send mail from to begin.
main-add-account = Add account
main-test = Test connection
main-testing = Testing the connection…
main-edit = Edit
main-remove = Remove
main-cancel = Cancel
main-open = Open
main-discard = Discard
main-no-subject = (no subject)
main-closed-queued = The message “{ $subject }” waits in the outbox and goes out by itself; open it there to change it.
main-closed-scheduled = The message “{ $subject }” goes out on { $time }; until then it waits in Outbox, where you can open it to change it.
main-holds-resumed = { $count ->
    [one] Koperta was closed while a message waited out its undo delay. It is open again with a fresh countdown: Undo still stops it.
   *[other] Koperta was closed while { $count } messages waited out their undo delay. They are open again with a fresh countdown: Undo still stops each.
 }
main-crashed-last-time = Koperta stopped unexpectedly the last time it ran. What happened is written in { $path }; please attach that file when you report the problem.
main-closed-sending = The message “{ $subject }” is being sent now; Outbox and Sent will show the result.
main-closed-draft-kept = The draft “{ $subject }” is kept in Drafts.
compose-close-save-failed = The draft could not be saved, so the window stays open with your text: { $reason }
main-closed-waiting = The message “{ $subject }” waits in the outbox for you: it does not go out by itself.
main-confirm-remove = Remove the account { $address } and its password from the keyring?
main-remove-outbox-kept = { $count ->
    [one] One message in the outbox is to go from it: it stays there, unsent, until you open it and choose another sender.
   *[other] { $count } messages in the outbox are to go from it: they stay there, unsent, until you open each and choose another sender.
 }
main-remove-drafts-kept = { $count ->
    [one] Its draft is kept; choose another sender when you open it.
   *[other] Its { $count } drafts are kept; choose another sender when you open them.
 }
main-account-saved = Account saved: { $address }.
main-account-removed = Account removed, with its password.
main-sent = Sent “{ $subject }” to { $first }{ $others ->
        [0] {""}
        [one] {" "}and one other
       *[other] {" "}and { $others } others
    }. A copy is in Sent on this computer.
main-sent-draft-kept = Changes you made after it was queued did not go: they are kept in Drafts.
mark-verified = TLS, certificate verified
mark-pinned = TLS, pinned certificate (not verified by a certificate authority)
mark-unsafe = NOT ENCRYPTED
mark-unsafe-blocked = NOT ENCRYPTED: nothing is sent from it while “Never send without encryption” is on in Settings
mark-unsafe-blocked-short = NOT ENCRYPTED, will not send
form-title-add = Add an account
form-title-edit = Edit the account
form-title-wizard-last = Step 2: Your server and password, set up by hand
form-name = Your name
form-address = Email address
form-host = Outgoing server
form-security = Security
form-port = Port
form-username = User name
form-password = Password
form-password-keep = Password (leave empty to keep)
form-optional = optional
form-choose-file = Choose…
form-forget-file = Remove
form-file-kept = One is kept already: leave the field empty to keep it, give a new file, or Remove it.
form-ca-file = Extra certificate authority (CA)
form-pin-file = Pinned certificate (PEM)
form-signature = Signature
form-signature-placeholder = optional: name, phone, company — on as many lines as you like
form-save = Save
form-checking = Signing in to check the account…
form-save-unchecked = Save without signing in
form-save-unchecked-hint = Save signs in first and refuses a wrong password or server. “Save without signing in” keeps the account as typed; it is marked “not checked yet” until a test or a send works.
form-close-question = Close the window? The account you are adding has not been saved.
form-close-yes = Close without saving
form-leave-question = Close the form? What you changed for this account has not been saved.
form-leave-new-question = Close the form? The account you are adding has not been saved.
form-leave-yes = Close without saving
account-error-password-required-gui = Enter the password.

## Desktop: outbox

outbox-empty = Nothing waits to be sent.
outbox-retry = Retry
outbox-send-now = Send now
outbox-delete = Delete
outbox-may-have-been-sent = This message may already have been sent: the connection was lost before the server confirmed it.
outbox-retry-unsure-question = “{ $subject }” may already have been sent. Send it again anyway?

## Desktop: settings

settings-language = Language
settings-language-system = System language
settings-theme = Theme
settings-theme-system = Follow the system
settings-theme-light = Light
settings-theme-dark = Dark
settings-never-plaintext = Never send without encryption
settings-never-plaintext-explained = While this is on, Koperta sends only over TLS with a certificate valid for the server, and refuses unencrypted accounts.
settings-plaintext-off-question = Turning this off lets accounts you mark as unencrypted send your password and messages in the clear, readable by anyone on the network path. Turn it off?
settings-plaintext-off-yes = Turn off

## Desktop: compose window

compose-new-title = New message
compose-from = From
compose-from-placeholder = Choose an account
compose-no-account = Add an account first: Koperta sends through your provider’s server, and this message waits here meanwhile.
compose-to = To
compose-to-placeholder = Name <address>, another@example.com
compose-cc-short = Cc
compose-bcc-short = Bcc
compose-cc = Cc
compose-bcc = Bcc
compose-subject = Subject
compose-body-placeholder = Write your message here.
compose-remove = Remove
compose-attachments-total = { $count ->
    [one] 1 attachment, { $size }
   *[other] { $count } attachments, { $size }
}
compose-too-big = With its attachments this message is about { $size }; the server takes at most { $limit }. Remove some or send them another way.
compose-attach-path-placeholder = Path of a file to attach (or drop files here)
compose-attach-path = Attach
compose-removed = Removed “{ $name }”.
compose-undo-remove = Undo
compose-attach-dialog = Choose files…
compose-signature = Signature
compose-save = Save draft
compose-saved = Draft saved.
compose-send = Send
compose-sending = Sending… { $percent }%
compose-close-question = Keep this message as a draft?
compose-close-keep = Keep draft
compose-close-discard = Discard
compose-close-cancel = Cancel

gui-error-display-unreachable = Koperta cannot open its window: the display { $display } does not answer. The command line works without one: see koperta --help.
gui-error-no-display = Koperta cannot open its window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set). The command line works without one: see koperta --help.
gui-error-start = Koperta cannot open its window: { $reason }

## More errors

smtp-error-cert-ca-as-server = The server presents a certificate authority’s certificate as its own, which is not a server certificate. Nothing was sent. The server’s administrator must install a proper server certificate.
send-error-body-file = Cannot read the message text from { $path }: { $reason }
cli-error-runtime = Koperta cannot start: { $reason }
send-error-body-stdin = Cannot read the message body from standard input: { $reason }
cli-error-repeated = { $arg } was given more than once.
address-error-name-is-address = “{ $text }”: the name before <…> looks like an address; put a comma between two addresses, or the name in quotes.
io-error-not-a-file = it is not an ordinary file (a pipe, a device or a folder)
io-error-changed = the file changed while it was being read; attach it again
io-error-not-found = the file or folder does not exist
io-error-permission = permission denied
io-error-read-only = the disk is read-only
io-error-is-directory = it is a folder, not a file
io-error-disk-full = the disk is full
io-error-not-text = it is not UTF-8 text
io-error-quota = the disk quota is used up
io-error-too-large = the file is too large for the file system
io-error-not-a-directory = a part of the path is not a folder
io-error-busy = the file or device is busy
io-error-timed-out = the file system did not answer in time
io-error-bad-name = the file name is not valid here (too long, or a character the disk does not allow)
io-error-other = a system error: { $detail }
mark-verified-short = TLS, verified
mark-pinned-short = TLS, pinned
mark-not-checked = not checked yet: use Test connection, or send a message
mark-verified-at = verified { $time } ({ $tls }, certificate from { $issuer })
mark-pinned-at = pinned certificate matched { $time } ({ $tls })
mark-failed-at = the last check failed ({ $time }): { $reason }
mark-not-checked-short = not checked yet
mark-failed-short = last check failed
form-bcc-self = Bcc me: send myself a copy of every message (Koperta does not save one on the server)
cli-arg-bcc-self = Send a blind copy of every message to the account’s own address
cli-arg-no-bcc-self = Stop sending a blind copy to the account’s own address
cli-arg-no-extra-trust = Drop the extra CA or the pinned certificate: trust only the system’s certificate authorities
form-username-placeholder = same as the email address

## Discovery
discover-source-bundled = Koperta’s list of providers
discover-source-autoconfig = the provider’s autoconfig file
discover-source-well-known = the domain’s autoconfig file (.well-known)
discover-source-srv = the domain’s SRV records (RFC 6186)
discover-source-ispdb = Thunderbird’s provider database (ISPDB)
discover-source-mx = the domain’s MX records (mail hosted by a known provider)
discover-source-probe = common server names, tried in turn
discover-outcome-found = { $count ->
    [one] found 1 server
   *[other] found { $count } servers
}
discover-outcome-nothing = nothing found
discover-outcome-failed = could not ask (no answer, or no connection)
discover-outcome-not-offered = the domain says it offers no submission service
discover-outcome-skipped = not needed
discover-note-app-password = { $name } needs an app password, made in your account’s security settings, not your usual password. { $help }
discover-note-oauth-only = { $name } accepts only OAuth sign-in for sending, which Koperta cannot do yet. Passwords will not work.
discover-note-enable-smtp = { $name }: switch on access for mail programs (SMTP) in the web mail settings first. { $help }
discover-note-local-bridge = { $name } runs on this computer: start it first, and use the password it shows, not your account password.
discover-note-unverified = The settings for { $name } could not be checked against a published source.
discover-note-outside-domain = The server { $host } is outside your domain { $domain }. Use it only if your provider says so.
discover-note-dns-unvalidated = Found in DNS, which Koperta does not validate (no DNSSEC yet): check the server name.
discover-searching = Looking for the server of { $address }…
discover-tried = Sources:
discover-best = Proposed: { $host }:{ $port }, { $security }, user name { $username } (from { $source })
discover-other = Also found: { $host }:{ $port }, { $security } (from { $source })
discover-nothing = No encrypted submission server was found for { $domain }. Enter the settings by hand (koperta account add).
discover-plaintext-only = Your provider documents only an unencrypted server ({ $host }:{ $port }). Koperta will not send passwords or mail over it. Ask your provider for settings for an encrypted connection, or enter them by hand.
discover-refused-plaintext = Refused (not encrypted): { $host }:{ $port } (from { $source })
discover-error-invalid-address = “{ $address }” is not an email address.
discover-error-outside-domain = The proposed server { $host } is outside your domain. If your provider says to use it, add the account with “koperta account add --email { $address } --host { $host } --port { $port } --security { $security } --password-stdin”.
discover-error-oauth = { $name } needs OAuth sign-in, which Koperta cannot do yet.
discover-error-nothing = Nothing to save: no server was found.
discover-testing = Signing in to { $host }:{ $port }…
cli-account-discover-about = Find the submission server of an address (and, with --save, add the account)
cli-arg-address = The email address
cli-arg-save = Test the proposed settings with the password from standard input, then add the account
cli-arg-dns-server = Ask this DNS server (IP:PORT) instead of the system’s
cli-arg-discover-ca-file = A PEM file with an extra CA certificate to trust for autoconfig files and the server

## Account setup wizard
wizard-step = Step { $step }: { $title }
wizard-identity-title = Your name and address
wizard-identity-intro = Koperta finds your provider’s outgoing mail server from your address and connects to it only over an encrypted connection.
wizard-name-placeholder = Jane Doe
contacts-address-placeholder = anna@example.com
wizard-address-placeholder = jane@example.com
wizard-find = Find my server
wizard-manual = Set up manually
wizard-searching-title = Looking for your server
wizard-proposal-title = Your server
wizard-found-at = Found in { $source }. Check the settings, or change them if your provider says otherwise.
wizard-confirm-outside = I have checked that { $host } is my provider’s server
wizard-plaintext-only = Your provider documents only an unencrypted server ({ $host }:{ $port }). Koperta will not send passwords or mail over it. Ask your provider for settings for an encrypted connection, or set up the account manually.
wizard-nothing = No encrypted sending server was found for { $domain }. Set up the account manually with the settings your provider gives.
wizard-next = Next
wizard-back = Back
wizard-password-title = Password
wizard-password-for = Password for { $username } at { $host }:{ $port } ({ $security }). It is sent only after an encrypted connection with a valid certificate is made, and kept in the system keyring.
wizard-pinned = Pinned certificate, SHA-256 { $fingerprint }
wizard-test-save = Sign in and save
wizard-edit-settings = Edit settings
wizard-pin-title = Unknown certificate
wizard-pin-explained = The server { $host } presented a certificate that no trusted authority signed. If this is your own server, compare this SHA-256 fingerprint with the one its administrator gives you:
wizard-pin-not-verified = If you pin it, Koperta accepts exactly this certificate and no other; the account is then marked “pinned”, never “verified”. If the fingerprints differ, do not pin it: someone may be listening in.
wizard-pin = Pin this certificate and sign in
compose-already-sending = This message is being sent from the outbox right now; wait for the result.
compose-send-after-attach = Attaching the files… The message is sent as soon as they are in.
compose-send-later = Send later…
compose-later-at = Send at (local time):
compose-later-schedule = Schedule
compose-later-tomorrow = Tomorrow 8:00
compose-later-monday = Monday 8:00
compose-sent = Sent.
attach-error-not-a-file = it is not a regular file (a folder, a pipe or a device)
attach-error-refused-too-large = { $path } was not attached: it is { $size }, and Koperta attaches files up to { $limit }. Most mail servers accept far less (often 25 MB).
instance-not-responding = Koperta is already running but not responding. Close it (or end its process) and try again.
instance-handed-off = Koperta is already running: its window was brought forward.
mailto-attach-ignored = The link asked to attach files; Koperta ignores that for your safety. Attach files yourself if you want to.
mailto-malformed = The mailto: link could not be read, so this message starts empty.
notify-sent = Message sent
notify-failed = Message not sent: it waits in the outbox
notify-maybe-sent = Message may have been sent: check before sending it again
settings-notifications = Desktop notifications when a message is sent in the background or cannot be sent
settings-undo-delay = Undo Send for
settings-undo-delay-off = No delay
settings-undo-delay-seconds = { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}
settings-undo-delay-explained = After Send, a message waits this long in the outbox: Undo, Esc or Ctrl+Z takes it back meanwhile.
settings-checks = Before sending, ask when:
settings-check-attachment = the text mentions an attachment and none is attached
settings-check-subject = the subject is empty
settings-check-domain = an address looks mistyped (gmial.com for gmail.com)
settings-show-notifications = notifications = { $value }
discover-network-problem = Some sources could not be asked: check the network connection, then try again.
wizard-cert-untrusted = The server’s certificate is not signed by an authority this computer trusts. Your password was not sent.
wizard-password-plaintext = Password for { $username } at { $host }:{ $port }. This connection is NOT ENCRYPTED: the password and your mail will cross the network in the clear, as you chose. It is kept in the system keyring.
cli-password-prompt = Password (not shown):
discover-dns-server-kept-not = Note: sending uses the system’s DNS, not --dns-server: { $host } must resolve there too.
wizard-edited = Your own settings: Koperta will check them when you sign in.

## Outbox engine
smtp-error-not-delivered = The server stopped taking the message before its end ({ $bytes } bytes were never acknowledged), so nothing was delivered. It will be sent again.
outbox-damaged-size = The queued message file has changed since it was queued ({ $found } bytes instead of { $expected }). It is not sent as it is.
outbox-damaged-checksum = The queued message file has changed since it was queued. It is not sent as it is.
outbox-damaged-unreadable = The queued message file cannot be read. The system said: { $detail }
outbox-no-account = The account this message was to be sent from no longer exists. A message written in Koperta can be opened with Edit to choose another sender; one queued from the command line has no draft to edit: delete it and send it again from another account.
outbox-cancelled = You stopped the send before the message was complete: nothing was delivered.
outbox-cancelled-after-dot = You stopped the send after the whole message had gone out, before the server confirmed it, so it may have been sent. Check with the recipients before sending it again.
outbox-next-automatic = Koperta tries again on its own.
outbox-next-fix-and-retry = Fix the cause, then retry.
outbox-next-edit = Edit it before sending it again.
outbox-next-maybe-sent = If you send it again, Koperta asks you first.
outbox-next-cancelled = It waits in the outbox until you send it again.
outbox-state-held = Sending soon (can be undone)
outbox-state-scheduled = Scheduled
outbox-state-due = Waiting to be sent
outbox-state-sending = Sending
outbox-state-failed = Not sent
outbox-state-maybe-sent = May have been sent
outbox-state-sent = Sent
outbox-error-not-found = There is no such message in the outbox.
outbox-error-already-sent = This message is no longer in the outbox: it was already sent.
outbox-error-busy = This message is being sent right now.
outbox-error-ask-first = This message may already have been sent. To send it again anyway, confirm it (on the command line: --yes).
outbox-error-permanent = The server refused this message for good; sending it again as it is would fail the same way. Edit it first.
outbox-error-too-late = It is too late to take this message back: it is being sent or already went out.
store-error-io = { $path }: { $reason }
store-error-not-a-file = { $path } is not a regular file.
store-error-too-large = { $path } is { $size }, more than the { $limit } Koperta attaches.
store-error-damaged = { $path } is damaged and was left as it is ({ $detail }).
smtp-error-reply-line-too-long = The server sent a reply line longer than { $limit } bytes. Koperta ended the connection; nothing more was sent.
smtp-error-reply-too-large = The server sent a reply larger than { $limit } bytes. Koperta ended the connection; nothing more was sent.
settings-show-undo-send = undo-send-seconds = { $value }
send-queued-later = Queued as { $id }; it goes out on { $time } if Koperta is running then, or at the next start or “koperta outbox run” after that.
send-failed-kept = The message was not sent.
send-stopped-removed = Stopped before the message was sent: nothing went out, and it is no longer in the outbox.
send-stopped-maybe-sent = Stopped while the message was going out: it may have been sent. It stays in the outbox as { $id }; “koperta outbox list” shows it, and nothing sends it again without asking.
send-stopped-too-late = Stopped too late: the server had already accepted the message (it is in Sent).
send-stopped-not-removed = Stopped before the message was sent, but it could not be taken out of the outbox ({ $reason }). Remove it with “koperta outbox remove { $id }”, or it will be sent.
send-went-late = It went out { $minutes } min late: no Koperta was running when it fell due.
send-kept-transient = It waits in the outbox as { $id } and is retried on its own by the app or “koperta outbox run”.
send-kept-retry = It waits in the outbox as { $id }. Fix the cause, then: koperta outbox retry { $id }
send-kept-permanent = It waits in the outbox as { $id }. The server refused it for good: change the message, or remove it with “koperta outbox remove { $id }”.
send-kept-maybe-sent = It waits in the outbox as { $id }, marked “may have been sent”. Check with the recipients; to send it again anyway: koperta outbox retry { $id } --yes
send-skipped = { $id } was not sent now: another Koperta is sending it, or it is no longer due.
send-error-later-format = “{ $value }” is not a time in the form YYYY-MM-DD HH:MM (local time).
send-error-later-past = { $value } has already passed.
cli-arg-later = Queue the message to go out at this local time, “YYYY-MM-DD HH:MM”
cli-arg-yes = Send messages that may already have been sent without asking
cli-outbox-about = Show and send the messages waiting in the outbox
cli-outbox-list-about = List the messages in the outbox with their state and reason
cli-outbox-retry-about = Send a message from the outbox again (asks first if it may have been sent)
cli-outbox-remove-about = Remove a message from the outbox without sending it
cli-outbox-run-about = Send every message that is due, once, and end (for cron, or when the app is not running)
cli-drafts-about = Show and remove the drafts the app keeps
cli-drafts-list-about = List the drafts, newest first, with their subject and recipients
cli-drafts-remove-about = Delete a draft and its attachment copies
cli-arg-draft-id = The draft’s id, as “koperta drafts list” shows it
drafts-list-empty = There are no drafts.
drafts-list-entry = { $id }  { $time }  { $subject }
drafts-list-recipients = {"    "}To: { $recipients }
drafts-list-no-recipients = (no recipients yet)
drafts-list-queued = {"    "}Its message waits in the outbox.
drafts-not-found = There is no draft { $id }.
drafts-removed = Draft { $id } deleted.
drafts-open-in-app = Draft { $id } is open in a Koperta window, which would save it again: close that window, or discard the draft there. Nothing was removed.
cli-arg-outbox-id = The message’s id, as “koperta outbox list” shows it
cli-arg-outbox-all = Every message that failed and may be retried
cli-contacts-about = The address book: names and addresses suggested while you type a recipient
cli-contacts-list-about = List the contacts
cli-contacts-add-about = Add a contact (or rename one)
cli-contacts-remove-about = Remove a contact
cli-contacts-import-about = Add the contacts of a vCard 4.0 file
cli-contacts-export-about = Write every contact to a vCard 4.0 file
cli-arg-contact-address = The contact’s e-mail address
cli-arg-contact-name = The name shown with the address
cli-arg-vcard-file = A vCard file (.vcf)
contacts-list-empty = No contacts yet: they are learned from the messages you send, or added with “koperta contacts add”.
contacts-added = Added { $address }.
contacts-removed = Removed { $address }.
contacts-not-found = { $address } is not in the contacts.
contacts-imported = { $count ->
    [one] One new contact.
   *[other] { $count } new contacts.
}
contacts-exported = { $count ->
    [one] One contact written to { $path }.
   *[other] { $count } contacts written to { $path }.
}
contacts-error-read = Cannot read { $path }: { $reason }
contacts-error-write = Cannot write { $path }: { $reason }
contacts-error-damaged = The contacts file { $path } is damaged ({ $detail }); it is kept as it is. Correct or move it.
contacts-error-not-vcard = This is not a vCard 4.0 file: { $detail }
contacts-error-bad-address = “{ $address }” is not a valid e-mail address.
main-tab-contacts = Contacts
contacts-empty = No contacts yet. Everyone you send a message to is added here, with the name you wrote; you can also add contacts yourself, or import a vCard file with “koperta contacts import”.
contacts-new = New contact
contacts-new-title = New contact
contacts-edit-title = Edit contact
contacts-name = Name
contacts-address = Email address
contacts-name-placeholder = Anna Nowak
contacts-write = Write
contacts-edit = Edit
contacts-remove = Remove
contacts-never-used = not written to yet
contacts-used = { $count ->
    [one] written to once, last { $time }
    [2] written to twice, last { $time }
   *[other] written to { $count } times, last { $time }
}
contacts-remove-question = Remove { $contact } from the contacts? Messages already sent are not touched.
contacts-saved = Saved { $contact }.
outbox-list-empty = The outbox is empty.
outbox-list-entry = { $id }  { $state }  { $subject }
outbox-list-reason = {"    "}Reason: { $reason }
outbox-confirm-resend = { $id } may already have been sent. Send it again anyway? [y/N]
outbox-confirm-yes-letter = y
outbox-nothing-to-retry = Nothing in the outbox to retry.
outbox-removed = Removed { $id } from the outbox.
outbox-run-unsure-kept = { $count ->
    [one] One message may already have been sent and is kept
   *[other] { $count } messages may already have been sent and are kept
}: { $ids }. Check with the recipients; to send again anyway: koperta outbox retry ID --yes
outbox-run-nothing-due = Nothing is due.
outbox-some-not-sent = { $count ->
    [one] One message was not sent; it waits in the outbox (koperta outbox list).
   *[other] { $count } messages were not sent; they wait in the outbox (koperta outbox list).
}
compose-queueing = Putting the message in the outbox…
compose-held = The message goes in { $seconds } s. Undo (or Esc) takes it back.
compose-undo = Undo
compose-undone = Taken back: the message was not sent.
compose-withdrawn = Taken out of the outbox because you changed it: press Send when it is ready.
compose-sent-earlier-version = The version queued earlier was sent; your later changes are kept here as a new draft.
main-sent-elsewhere = “{ $subject }” was already sent from the command line.
compose-removed-elsewhere = This message was taken out of the outbox from the command line; it is a draft again.
compose-resend-yes = Send again
compose-concern-no-subject = This message has no subject.
compose-concern-attachment = The text mentions an attachment, but nothing is attached.
compose-concern-path = A file’s path is typed beside Attach, but the file is not attached.
compose-concern-domain = Is “{ $address }” right? Did you mean { $meant }?
compose-send-anyway = Send anyway
compose-cancel-send = Stop sending
smtp-error-not-recorded = Koperta could not record the attempt in the outbox, so it did not send the message: { $reason }
smtp-error-abandoned = The message could not be read to its end while it was going out, so the server was not given its end and nothing was delivered: { $reason }
smtp-error-cert-not-yet-valid = The server’s certificate is not valid yet: its validity begins in the future, or this computer’s clock is wrong. Nothing was sent. Subject: { $subject }
smtp-error-cert-ip-as-dns-name = The server’s certificate names { $address } as a host name, not as an IP address, so it is not valid for that address. Nothing was sent. Use the server’s host name instead of its address.
smtp-error-cert-wrong-purpose = The server’s certificate is not meant for a server (its key usage does not allow it). Nothing was sent. Subject: { $subject }
smtp-error-cert-weak-algorithm = The server’s certificate uses a key or signature algorithm that is too weak or not supported (such as SHA-1, or RSA under 2048 bits). Nothing was sent. Subject: { $subject }
smtp-error-cert-revoked = The server’s certificate was revoked by its issuer. Nothing was sent. Subject: { $subject }
compose-held-now = Sending now…
outbox-next-try-at = next try { $time }
compose-next-try = It waits in the outbox, and Koperta tries again on { $time } on its own (or press Send now).
compose-next-try-soon = It waits in the outbox, and Koperta tries again in a moment on its own (or press Send now).
compose-account-changed = The account’s settings were changed since this attempt: the next one uses the new settings.
outbox-next-try-in = { $minutes ->
    [one] next try in 1 minute
   *[other] next try in { $minutes } minutes
}
outbox-next-try-now = next try in a moment
outbox-goes-in = { $seconds ->
    [one] goes in 1 second
   *[other] goes in { $seconds } seconds
}
store-damaged-incomplete = it lacks what is needed to send the message: an account, a sender, a recipient or the message’s checksum
outbox-interrupted = Koperta was stopped while this message was going out, so it may have been sent. Check with the recipients before sending it again.
outbox-next-damaged = Remove it from the outbox and send the message again.
outbox-error-not-yet = This message waits for its time (send later or the undo delay); it is not sent before then.
send-kept-damaged = It is kept in the outbox as { $id }, and is not sent as it is. Remove it with “koperta outbox remove { $id }” and send the message again.
outbox-list-recipients = {"    "}Recipients: { $recipients } · From: { $account } · Attempts: { $attempts }
send-error-later-no-such-time = There is no such date or time as { $value }.

## A sent message, read-only
sent-view-close = Close
sent-view-reading = Reading the message…
sent-view-envelope = Delivered to
sent-view-sent-at = Sent
sent-view-size = Size
sent-view-transport = Connection
sent-view-tls = encrypted ({ $tls }), certificate verified, issued by { $issuer }
sent-view-tls-pinned = encrypted ({ $tls }), the pinned certificate
sent-view-tls-unknown = not recorded for this message
sent-view-reply = Server’s reply
sent-view-reply-to = Replies to
sent-view-options = Marked
sent-view-high-priority = high priority
sent-view-read-receipt = read receipt asked for
sent-view-cut = Only the beginning of this message is shown.
sent-view-attachments = Attachments
sent-view-unnamed = (unnamed)
sent-view-size-unknown = { $name } · size not known (only the start of the message is read)
compose-spell-pl = Spelling: Polish
compose-spell-en = Spelling: English
compose-spell-off = No spell checking
compose-spell-subject = Possible misspellings in the subject: { $words }{ $more ->
        [0] {""}
        [one] {" "}and one more
       *[other] {" "}and { $more } more
    } (F7 for suggestions)
compose-spell-missing = { $reason }: spelling is not checked.
compose-spell-none = No misspelt words found.
compose-spell-word = “{ $word }”:
compose-spell-no-suggestions = no suggestions
compose-spell-add = Add to dictionary
compose-spell-close = Close
spell-error-not-installed-pl = No Polish dictionary is installed (on Debian and Ubuntu: the hunspell-pl package)
spell-error-not-installed-en = No English dictionary is installed (on Debian and Ubuntu: the hunspell-en-us package)
spell-error-unreadable = The dictionary { $path } cannot be read: { $reason }
spell-error-damaged = The dictionary { $path } is damaged: { $reason }
spell-error-personal = Your own dictionary could not be read or written: { $reason }
compose-scheduled = Scheduled: goes out on { $time }. A change takes it out of the schedule until you send it again.
compose-none-chosen = No file was chosen. You can also type a file’s path in the field above (the cursor is there now), or drop files on this window.
draft-error-invalid-reply-to = The sender’s Reply-To address is not valid: { $reason }
cli-identity-about = The other names and addresses an account sends as
cli-identity-add-about = Add an identity: its name, address, Reply-To and signature
cli-identity-list-about = List an account’s senders: its own, then its identities
cli-identity-remove-about = Remove an identity
cli-arg-reply-to = Where replies should go (Reply-To)
cli-arg-identity-signature = The identity’s signature (\n starts a new line)
cli-arg-signature-above-quote = In a reply, put the signature above the quoted text
cli-arg-identity = The identity, by its id or its address
cli-arg-high-priority = Mark the message as high priority
cli-arg-no-signature = Do not add the sender’s signature under the text (it is added under “-- ” unless the text already ends with it)
cli-arg-read-receipt = Ask for a read receipt
identity-added = Identity { $address } added (id { $id }).
identity-removed = Identity { $address } removed.
identity-reply-to = replies to { $address }
identity-error-not-found = The account has no identity “{ $key }”.
identity-error-address = The identity’s address is not valid: { $reason }
identity-error-reply-to = The Reply-To address is not valid: { $reason }
identity-section = Identities
identity-none = No other identities: messages go from the address above.
identity-add = Add identity…
identity-reply-to-field = Reply-To
identity-above-quote = In replies, put the signature above the quoted text
identity-done = Done
identity-saved-with-account = Identities are written with the account when you save it; Cancel keeps them as they were.
main-also-sends-as = Also sends as { $addresses }
compose-options = Options
compose-high-priority = High priority
compose-read-receipt = Ask for a read receipt
smtp-error-sender-refused = The server refused to send from { $address } ({ $code } { $text }), so nothing was sent. Many servers send only from the addresses the account owns: choose another sender in From, or ask the provider to allow this address.
settings-check-size = the message is larger than the server accepts
compose-concern-too-big = At about { $size }, the message is larger than the server accepts ({ $limit }): it will be refused. Remove an attachment, or send a link to the file instead.
settings-show-checks = checks before sending: check-attachment = { $attachment }, check-subject = { $subject }, check-domain = { $domain }, check-size = { $size }

# The decimal separator of sizes ("3.5 MB", "3,5 MB"); then the digit group separator ("1,234,567", "1 234 567").
number-decimal-separator = .
number-group-separator = ,
date-time = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }, { $clock }
size-exact-bytes = { $count ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
}
