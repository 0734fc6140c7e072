# Koperta — komunikaty po polsku.
# Każdy identyfikator musi istnieć także w en/koperta.ftl (sprawdza to test).

## Tryby zabezpieczeń

security-implicit-tls = TLS od początku połączenia (SSL/TLS)
security-starttls = STARTTLS
security-plaintext = bez szyfrowania (NIEBEZPIECZNE: hasło i wiadomości jawnym tekstem)

## Wiersz poleceń: pomoc

cli-about = Koperta wysyła pocztę wyłącznie przez TLS, a hasła trzyma w systemowej bazie kluczy.
cli-usage-heading = Użycie
cli-value-email = ADRES
cli-value-host = SERWER
cli-value-security = ZABEZPIECZENIE
cli-value-username = UŻYTKOWNIK
cli-value-name = NAZWA
cli-value-signature = PODPIS
cli-value-key = KLUCZ
cli-value-value = WARTOŚĆ
cli-value-address = ADRES
cli-value-addresses = ADRESY
cli-value-text = TEKST
cli-value-file = PLIK
cli-value-path = ŚCIEŻKA
cli-value-time = CZAS
cli-value-identity = TOŻSAMOŚĆ
cli-value-account = KONTO
cli-value-command = POLECENIE
cli-value-options = OPCJE
cli-value-word = SŁOWO
cli-commands-heading = Polecenia
cli-options-heading = Opcje
cli-arguments-heading = Argumenty
cli-help-flag = Pokaż pomoc
cli-version-flag = Pokaż wersję
cli-account-about = Zarządzaj kontami do wysyłania poczty
cli-account-add-about = Dodaj konto (jego identyfikator pojawi się w ostatnim wierszu)
cli-account-edit-about = Zmień konto: tylko podane opcje; --password-stdin ustawia nowe hasło
cli-account-list-about = Pokaż konta
cli-account-remove-about = Usuń konto i jego hasło z bazy kluczy
cli-settings-about = Pokaż lub zmień ustawienia
cli-without-command-lists = Bez polecenia wyświetla listę.
cli-without-command-shows = Bez polecenia wyświetla ustawienia.
cli-settings-set-about = Zmień ustawienie: never-plaintext true|false, language auto|en|pl, theme system|light|dark, notifications true|false, undo-send-seconds 0–30
cli-settings-show-about = Pokaż ustawienia
cli-arg-name = Twoje imię i nazwisko, tak jak zobaczą je odbiorcy
cli-arg-email = Twój adres e-mail
cli-arg-host = Nazwa serwera poczty wychodzącej
cli-arg-port = Port serwera (domyślnie 465 dla TLS od początku, 587 dla STARTTLS)
cli-arg-security = Zabezpieczenie połączenia: implicit-tls (zalecane), starttls lub plaintext (tylko przy wyłączonym never-plaintext)
cli-arg-username = Nazwa użytkownika na serwerze (domyślnie adres e-mail)
cli-arg-ca-file = Plik PEM z certyfikatem dodatkowego urzędu certyfikacji (CA), któremu to konto ma ufać
cli-arg-pin-cert = Plik PEM z certyfikatem samego serwera, aby akceptować tylko ten jeden (przypięcie)
cli-arg-password-stdin = Wczytaj hasło ze standardowego wejścia (jeden wiersz)
cli-arg-signature = Podpis wstawiany pod „-- ”, gdy o to poprosisz
cli-arg-account-id = Identyfikator konta albo jego adres, jeśli ma go tylko jedno konto
cli-arg-setting-key = Nazwa ustawienia
cli-arg-setting-value = Nowa wartość

## Wiersz poleceń: błędy użycia

cli-error-prefix = koperta: błąd:
cli-error-unknown-argument = Nieznana opcja lub argument „{ $arg }”.
cli-error-invalid-value = „{ $value }” nie jest poprawną wartością dla { $arg }. Możliwe wartości: { $valid }.
cli-error-dns-server = „{ $value }” nie jest adresem serwera DNS; podaj go jako IP:PORT, na przykład 192.0.2.53:53.
cli-error-missing-argument = Brakuje wymaganej opcji: { $arg }.
cli-error-missing-subcommand = Brakuje polecenia.
cli-error-invalid-subcommand = Nieznane polecenie „{ $name }”.
cli-error-conflict = Opcji { $arg } i { $other } nie można użyć razem.
cli-error-usage = Wiersz poleceń jest niepoprawny.
cli-hint-help = Pomoc: „koperta --help”.

## Wiersz poleceń: wyniki

account-added = Dodano konto: { $address } ({ $security }, { $host }:{ $port }).
account-added-not-checked = Nie zalogowano się jeszcze na serwer: hasła ani certyfikatu nie sprawdzono. Sprawdzi je „koperta account test { $id }”.
account-changed = Zmieniono konto: { $address } ({ $security }, { $host }:{ $port }).
account-changed-not-checked = Po zmianach nie zalogowano się jeszcze na serwer: sprawdzi je „koperta account test { $id }”.
account-edit-nothing = Nie ma czego zmieniać: podane opcje opisują konto takie, jakie jest.
account-list-empty = Nie ma jeszcze żadnego konta. Dodaj je poleceniem „koperta account add”.
account-list-pinned = przypięty certyfikat, SHA-256 { $fingerprint }
account-list-extra-ca = dodatkowy urząd certyfikacji
account-removed = Usunięto konto: { $address }.
account-removed-outbox-kept = { $count ->
    [one] Jedna wiadomość w skrzynce nadawczej miała wyjść z tego konta: zostaje tam niewysłana („koperta outbox remove ID” ją usuwa).
    [few] { $count } wiadomości w skrzynce nadawczej miały wyjść z tego konta: zostają tam niewysłane („koperta outbox remove ID” je usuwa).
   *[many] { $count } wiadomości w skrzynce nadawczej miało wyjść z tego konta: zostają tam niewysłane („koperta outbox remove ID” je usuwa).
}
account-removed-no-password = Usunięto konto: { $address } (w bazie kluczy nie było dla niego hasła).
account-removed-keyring-failed = Konto usunięto z ustawień, ale jego hasła nie udało się usunąć z bazy kluczy: { $reason } Usuń wpis ręcznie (usługa „koperta”, użytkownik „{ $id }”).
warning-plaintext-account = Uwaga: to konto wysyła hasło i wiadomości bez szyfrowania. Może je przeczytać każdy, przez czyją sieć przechodzą.
warning-never-plaintext-off = Uwaga: never-plaintext jest wyłączone. Konta bez szyfrowania mogą teraz wysyłać hasła i wiadomości jawnym tekstem.
warning-plaintext-accounts-blocked = { $count ->
    [one] Jedno konto bez szyfrowania nie może wysyłać, dopóki never-plaintext jest włączone: { $addresses }.
    [few] { $count } konta bez szyfrowania nie mogą wysyłać, dopóki never-plaintext jest włączone: { $addresses }.
   *[many] { $count } kont bez szyfrowania nie może wysyłać, dopóki never-plaintext jest włączone: { $addresses }.
}
setting-saved = Zapisano: { $key } = { $value }.
settings-show-never-plaintext = never-plaintext = { $value }
settings-show-language = language = { $value }
settings-show-theme = theme = { $value }

## Błędy: konta i ustawienia

account-error-not-found = Żadne konto nie ma identyfikatora ani adresu „{ $key }”. Listę pokazuje „koperta account list”.
account-error-ambiguous = Kilka kont ma adres „{ $key }”; podaj jeden z identyfikatorów: { $ids }.
account-error-duplicate = Konto { $address } na serwerze { $host }:{ $port } już istnieje, więc niczego nie dodano. Zmień tamto konto.
account-error-duplicate-cli = Jego identyfikator to { $id }; aby zacząć od nowa, najpierw je usuń: koperta account remove { $id }
account-error-plaintext-forbidden = Konta bez szyfrowania są odrzucane, dopóki never-plaintext jest włączone: hasło i każda wiadomość byłyby przesyłane przez sieć jawnym tekstem. Wybierz implicit-tls albo starttls; jeśli naprawdę musisz, najpierw wykonaj „koperta settings set never-plaintext false”.
form-error-plaintext-forbidden = Konta bez szyfrowania są odrzucane, dopóki w Ustawieniach włączone jest „Nigdy nie wysyłaj bez szyfrowania”: hasło i każda wiadomość byłyby przesyłane przez sieć jawnym tekstem. Wybierz zabezpieczenie „TLS od początku połączenia” albo STARTTLS.
account-error-invalid-address = „{ $address }” nie jest adresem e-mail.
account-error-address-with-name = „{ $address }”: wpisz tu sam adres, na przykład anna@example.pl; imię i nazwisko wpisz w polu „Imię i nazwisko”.
account-error-invalid-host = „{ $host }” nie jest nazwą serwera.
account-error-invalid-port = Port musi być liczbą od 1 do 65535, a nie „{ $port }”.
account-error-pem-unreadable = Nie można odczytać pliku certyfikatu { $path }: { $reason }
account-error-pem-no-certificate = Plik { $path } nie zawiera certyfikatu PEM („-----BEGIN CERTIFICATE-----”).
account-error-pin-and-ca = Użyj albo --ca-file, albo --pin-cert, nie obu naraz: przypięty certyfikat sam wskazuje, któremu serwerowi ufać.
form-error-pin-and-ca = Podaj albo dodatkowy urząd certyfikacji, albo przypięty certyfikat serwera, nie oba naraz: przypięty certyfikat sam wskazuje, któremu serwerowi ufać.
account-error-password-empty = Hasło jest puste. Podaj je na standardowym wejściu z opcją --password-stdin, na przykład: printf '%s' 'hasło' | koperta account add …
account-error-password-required = Potrzebne jest hasło: podaj je na standardowym wejściu z opcją --password-stdin.
account-error-password-read = Nie można odczytać hasła ze standardowego wejścia: { $reason }
settings-error-unknown-key = Nieznane ustawienie „{ $key }”. Ustawienia: never-plaintext, language, theme, notifications, undo-send-seconds.
settings-error-invalid-value = „{ $value }” nie jest poprawną wartością dla { $key }. Możliwe wartości: { $valid }.
paths-error-no-home = Nie znaleziono katalogu domowego na ustawienia. Ustaw zmienną KOPERTA_HOME na jakiś katalog.

## Błędy: config.toml

config-error-parse = Plik ustawień { $path } jest uszkodzony w wierszu { $line }, kolumnie { $column } ({ $detail }). Koperta zostawia go dokładnie takim, jaki jest, i go nie nadpisze; napraw albo przenieś ten plik.
config-error-newer = Plik ustawień { $path } zapisała nowsza wersja Koperty (format { $found }). Koperta zostawia go bez zmian; zaktualizuj Kopertę, by go używać.
config-error-duplicate = W pliku ustawień { $path } dwa konta mają identyfikator { $id }. Koperta zostawia plik bez zmian; usuń jedno z nich.
config-error-io = Nie można odczytać ani zapisać { $path }: { $reason }
config-error-kept-damaged = Nie zapisano: plik ustawień { $path } jest uszkodzony i zostaje bez zmian. Napraw go albo przenieś, potem spróbuj ponownie.
config-error-serialize = Nie udało się zapisać ustawień ({ $reason }). Niczego nie zmieniono.

## Błędy: baza kluczy

secrets-error-no-service = Systemowa baza kluczy jest niedostępna. Koperta trzyma hasła wyłącznie w bazie kluczy: uruchom usługę Secret Service, na przykład GNOME Keyring albo KeePassXC (z włączoną obsługą Secret Service), i spróbuj ponownie.
    Komunikat systemu: { $detail }
secrets-error-locked = Systemowa baza kluczy jest zablokowana. Odblokuj ją (na przykład w programie „Hasła i klucze” albo logując się ponownie) i spróbuj jeszcze raz.
secrets-error-no-default-collection = Usługa haseł nie ma domyślnej bazy kluczy. Utwórz ją (na przykład w programie „Hasła i klucze”) i spróbuj ponownie.
secrets-error-no-entry = W bazie kluczy nie ma hasła do tego konta. Edytuj konto, by wpisać je ponownie.
secrets-error-timed-out = Systemowa baza kluczy nie odpowiedziała w ciągu { $seconds } s. Być może czeka, aż odblokujesz ją w innym oknie.
secrets-error-failure = Systemowa baza kluczy zgłosiła błąd: { $detail }

## Odbiorcy i szkice

address-error-missing-at = „{ $text }”: w adresie brakuje znaku @.
address-error-empty-local = „{ $text }”: przed @ nic nie ma.
address-error-local-too-long = { $octets ->
    [one] „{ $text }”: część przed @ ma { $octets } bajt; dozwolone są najwyżej 64.
    [few] „{ $text }”: część przed @ ma { $octets } bajty; dozwolone są najwyżej 64.
   *[many] „{ $text }”: część przed @ ma { $octets } bajtów; dozwolone są najwyżej 64.
}
address-error-invalid-local = „{ $text }”: część przed @ zawiera niedozwolone znaki albo źle postawione kropki.
address-error-unterminated-quote = „{ $text }”: cudzysłów nie jest zamknięty.
address-error-empty-domain = „{ $text }”: po @ nic nie ma.
address-error-invalid-domain = „{ $text }”: część po @ nie jest poprawną domeną.
address-error-domain-without-dot = „{ $text }”: w domenie brakuje kropki (na przykład „example.pl”).
address-error-unterminated-angle = „{ $text }”: „<” nie jest zamknięte znakiem „>”.
address-error-text-after = „{ $text }”: po adresie jest jeszcze tekst.
address-error-whitespace = „{ $text }”: adres zawiera spacje.
draft-error-no-sender = Wybierz konto, z którego chcesz wysłać wiadomość.
draft-error-invalid-sender = Adres nadawcy ustawiony w koncie jest niepoprawny: { $reason }
draft-error-no-recipients = Dodaj co najmniej jednego odbiorcę.
draft-error-unreadable-attachment = Nie można odczytać załącznika { $path }: { $reason }.
draft-error-build = Nie udało się złożyć wiadomości: { $detail }
draft-field-to = Do
draft-field-cc = DW
draft-field-bcc = UDW

## Wysyłanie

smtp-error-dns = Nie można znaleźć serwera { $host }. Sprawdź nazwę serwera i połączenie z siecią.
    Komunikat systemu: { $detail }
smtp-error-refused = Serwer { $host } odrzuca połączenia na porcie { $port }. Sprawdź port i ustawienie zabezpieczeń.
smtp-error-network = Błąd sieci.
    Komunikat systemu: { $detail }
smtp-error-network-reset = Połączenie z serwerem zostało zerwane (przez serwer albo po drodze).
smtp-error-network-closed = Połączenie z serwerem zostało nieoczekiwanie zamknięte.
smtp-error-network-host-unreachable = Nie można dotrzeć do serwera (brak trasy). Sprawdź połączenie z siecią.
smtp-error-network-unreachable = Sieć jest nieosiągalna. Sprawdź połączenie z internetem.
smtp-error-network-no-address = Nie udało się połączyć z żadnym adresem serwera.
smtp-error-timeout-connect = Serwer nie przyjął połączenia w ciągu { $seconds } s.
smtp-error-timeout-tls = Bezpieczne połączenie (TLS) nie zostało nawiązane w ciągu { $seconds } s.
smtp-error-timeout-greeting = Serwer nie wysłał powitania w ciągu { $seconds } s.
smtp-error-timeout-command = Serwer nie odpowiedział na polecenie w ciągu { $seconds } s.
smtp-error-timeout-data = Wysyłanie wiadomości utknęło: przez { $seconds } s nic nie zostało przesłane. Nic nie dotarło.
smtp-error-timeout-final = Serwer nie potwierdził wiadomości w ciągu { $seconds } s.
smtp-error-mode-implicit = Ten port wymaga TLS od początku połączenia: w ustawieniach konta wybierz zabezpieczenie „TLS od początku połączenia” (zwykle port 465).
smtp-error-mode-starttls = Ten port na początku odpowiada bez TLS. Jeśli serwer oferuje na nim STARTTLS, w ustawieniach konta wybierz zabezpieczenie STARTTLS (zwykle port 587); jeśli nie, tego portu nie da się używać z szyfrowaniem: zapytaj dostawcę, który port ma TLS (zwykle 465 albo 587).
smtp-error-cert-expired = Certyfikat serwera wygasł. Nic nie wysłano. Podmiot: { $subject }
smtp-error-cert-unknown-issuer = Certyfikatu serwera nie wystawił urząd certyfikacji, któremu ufa ten komputer. Nic nie wysłano. Podmiot: { $subject }
smtp-error-cert-not-from-extra-ca = Certyfikatu serwera nie wystawił ani urząd certyfikacji, któremu ufa ten komputer, ani urząd certyfikacji z pliku { $file }. Nic nie wysłano. Sprawdź, czy to plik urzędu certyfikacji Twojego serwera.
smtp-error-cert-wrong-name = Certyfikat serwera nie jest ważny dla { $host }; jest ważny dla: { $names }. Nic nie wysłano. Sprawdź nazwę serwera.
smtp-error-cert-pinned-changed = Serwer przedstawił inny certyfikat niż przypięty dla tego konta (SHA-256 { $presented } zamiast { $pinned }). Nic nie wysłano. Jeśli administrator serwera nie zapowiadał zmiany, ktoś może przechwytywać połączenie.
smtp-error-cert-other = Certyfikat serwera został odrzucony ({ $detail }). Nic nie wysłano.
smtp-nothing-sent = Nic nie wysłano.
smtp-password-not-sent = Hasło nie zostało wysłane.
smtp-error-protocol-too-old = Serwer oferuje tylko TLS starszy niż 1.2, który nie jest już bezpieczny. Nic nie wysłano.
smtp-error-tls = Nie udało się nawiązać bezpiecznego połączenia. Nic nie wysłano.
    Szczegóły: { $detail }
smtp-error-starttls-not-offered = Serwer nie oferuje STARTTLS na tym porcie, więc połączenia nie da się zaszyfrować. Nic nie wysłano. Aby użyć TLS od początku połączenia, zmień jednocześnie zabezpieczenie i port (zwykle 465); jeśli serwer nie ma takiego portu, nie da się z nim połączyć z szyfrowaniem.
smtp-error-starttls-refused = Serwer odmówił STARTTLS. Nic nie wysłano.
    Odpowiedź serwera: { $code } { $text }
smtp-error-starttls-injection = Serwer wysłał nieoczekiwane dane przed rozpoczęciem szyfrowania, co wskazuje na atak na połączenie. Nic nie wysłano.
smtp-error-protocol = Serwer przerwał rozmowę.
    Szczegóły: { $detail }
smtp-error-dns-no-address = Nie można znaleźć serwera { $host }: taka nazwa nie istnieje w DNS. Sprawdź nazwę serwera.
smtp-error-tls-closed = Serwer zamknął połączenie w trakcie uzgadniania TLS. Nic nie wysłano. Sprawdź port i zabezpieczenie w ustawieniach konta.
smtp-error-pin-not-pem = Przypięty certyfikat tego konta nie jest w formacie PEM. Nic nie wysłano. Przypnij certyfikat ponownie w ustawieniach konta.
smtp-error-bad-server-name = „{ $host }” nie może być nazwą serwera dla TLS. Nic nie wysłano. Sprawdź nazwę serwera.
smtp-error-closed = Serwer zamknął połączenie.
smtp-error-not-smtp = Na tym porcie nie odpowiada serwer poczty (SMTP). Sprawdź nazwę serwera i port.
    Odpowiedź serwera: { $text }
smtp-error-ehlo-refused = Serwer odrzucił powitanie (EHLO). Nic nie wysłano.
    Odpowiedź serwera: { $text }
smtp-error-address-unsupported = Adresu { $address } nie można przekazać serwerowi. Nic nie wysłano.
smtp-error-plaintext-forbidden = To konto nie używa szyfrowania, a ustawienie „Nigdy nie wysyłaj bez szyfrowania” jest włączone. Nic nie wysłano.
smtp-error-auth-failed = Serwer odrzucił nazwę użytkownika lub hasło. Sprawdź je; niektórzy dostawcy wymagają hasła do aplikacji.
    Odpowiedź serwera: { $code } { $text }
smtp-error-no-mechanism = Serwer nie oferuje żadnej metody logowania obsługiwanej przez Kopertę (PLAIN ani LOGIN); oferuje: { $offered }.
smtp-error-no-auth-offered = Serwer nie oferuje na tym połączeniu żadnego logowania (brak AUTH w odpowiedzi na EHLO), więc Koperta nie może się zalogować. Sprawdź port i zabezpieczenie: wiele serwerów pozwala się logować dopiero po STARTTLS albo na porcie 465.
smtp-error-recipients-refused = { $count ->
    [one] Serwer odrzucił jednego odbiorcę, więc wiadomość nie została wysłana do nikogo:
    [few] Serwer odrzucił { $count } odbiorców, więc wiadomość nie została wysłana do nikogo:
   *[many] Serwer odrzucił { $count } odbiorców, więc wiadomość nie została wysłana do nikogo:
}
smtp-error-recipient-line = { $address }: { $code } { $text }
smtp-error-too-large = Wiadomość ma { $size }, a serwer przyjmuje najwyżej { $limit }. Usuń albo zmniejsz załączniki.
smtp-error-smtputf8 = Adres { $address } wymaga rozszerzenia (SMTPUTF8), którego serwer nie oferuje.
smtp-error-transient = Serwer nie może teraz przyjąć wiadomości ({ $code } { $text }). Spróbuj ponownie później.
smtp-error-permanent = Serwer odrzucił wiadomość ({ $code } { $text }).
smtp-error-outcome-unknown = Połączenie zostało zerwane po przesłaniu całej wiadomości, ale zanim serwer potwierdził jej przyjęcie. Wiadomość mogła dotrzeć: zanim wyślesz ją ponownie, zapytaj odbiorców, czy ją dostali.
smtp-error-keyring = Nie udało się odczytać hasła: { $reason }

## Wiersz poleceń: wysyłanie i test

cli-send-about = Wyślij wiadomość
cli-account-test-about = Połącz się, zabezpiecz połączenie, zaloguj się i rozłącz; pokaż wynik
cli-arg-account = Identyfikator lub adres konta, z którego wysłać
cli-arg-to = Odbiorcy (Do)
cli-arg-cc = Odbiorcy (DW)
cli-arg-bcc = Ukryci odbiorcy (UDW)
cli-arg-subject = Temat
cli-arg-body-file = Plik z treścią wiadomości albo „-” dla standardowego wejścia
cli-arg-attach = Plik do załączenia (można powtórzyć)
cli-arg-protocol-log = Zapisz przebieg rozmowy SMTP do tego pliku (hasła nigdy nie są zapisywane)
send-accepted = Serwer przyjął wiadomość dla: { $address }
send-done = Wysłano: { $size }, odpowiedź serwera: { $reply }
send-protocol-log-failed = Nie można zapisać przebiegu rozmowy SMTP do { $path }: { $reason }
test-tls = Połączenie: { $tls }
test-certificate = Certyfikat: { $subject }, wystawca: { $issuer }
test-pinned = Certyfikat: przypięty, SHA-256 { $fingerprint }
test-plaintext = Połączenie: NIESZYFROWANE
test-auth = Zalogowano metodą: { $mechanism }
test-size = Maksymalny rozmiar wiadomości: { $size }
test-size-none = Największa wiadomość: serwer nie podał limitu
test-ok = Konto działa.

## Pulpit: okno główne

main-tab-accounts = Konta
main-tab-outbox = Skrzynka nadawcza
main-tab-drafts = Szkice
main-tab-sent = Wysłane
main-what-koperta-is = Koperta pisze i wysyła pocztę przez serwer Twojego dostawcy, wyłącznie szyfrowanymi połączeniami. Nie ma skrzynki odbiorczej: odpowiedzi przychodzą tam, gdzie czytasz pocztę teraz.
main-account-gone = (usunięte konto)
list-recipients-more = { $shown } i jeszcze { $more }
list-recipient-bcc = UDW { $address }
drafts-no-recipient = (jeszcze bez odbiorcy)
drafts-saved-at = zapisano { $time }
drafts-queued = wiadomość z tego szkicu czeka w skrzynce nadawczej
drafts-open = otwarty w oknie
drafts-empty = Nie ma szkiców. Wszystko, co piszesz, czeka tu, dopóki nie zostanie wysłane.
drafts-discard-question = Odrzucić szkic „{ $subject }”?
drafts-discard-queued-question = Odrzucić szkic „{ $subject }”? Wiadomość z niego zostaje w skrzynce nadawczej bez zmian (można ją tam nadal wysłać albo usunąć), ale nie będzie jej można już poprawić.
drafts-gone = Tego szkicu już nie ma (odrzucony albo wysłany).
outbox-edit-draft-gone = Szkic tej wiadomości został odrzucony, więc nie można jej poprawić: nadal można ją wysłać („Ponów”) albo usunąć.
drafts-discarded = Szkic „{ $subject }” odrzucony.
drafts-undo-discard = Cofnij
drafts-recovered = { $count ->
        [one] Odrzucony szkic wrócił do Szkiców: Koperta zakończyła pracę, zanim minął czas na cofnięcie.
        [few] { $count } odrzucone szkice wróciły do Szkiców: Koperta zakończyła pracę, zanim minął czas na cofnięcie.
       *[many] { $count } odrzuconych szkiców wróciło do Szkiców: Koperta zakończyła pracę, zanim minął czas na cofnięcie.
    }
drafts-left-open = { $count ->
        [one] Gdy Koperta ostatnio się zatrzymała, był otwarty szkic: jest w Szkicach, w stanie z ostatniego zapisu (najwyżej sekundę wcześniej).
        [few] Gdy Koperta ostatnio się zatrzymała, były otwarte { $count } szkice: są w Szkicach, w stanie z ostatniego zapisu (najwyżej sekundę wcześniej).
       *[many] Gdy Koperta ostatnio się zatrzymała, było otwartych { $count } szkiców: są w Szkicach, w stanie z ostatniego zapisu (najwyżej sekundę wcześniej).
    }
drafts-restored = Szkic „{ $subject }” wrócił do Szkiców.
outbox-delete-question = Usunąć „{ $subject }” ze skrzynki nadawczej? Wiadomość nie zostanie wysłana.
outbox-row-facts = z { $account } · w kolejce od { $time } · { $size } · { $attempts ->
        [0] jeszcze nie próbowano
        [one] jedna próba
        [few] { $attempts } próby
       *[other] { $attempts } prób
    }
outbox-retry-all = Ponów wszystkie
sent-row-facts = z { $account } · wysłano { $time } · { $size }
sent-server-said = serwer odpowiedział: { $reply }
sent-empty = Z tego komputera nic jeszcze nie wysłano. Kopia każdej wiadomości wysłanej przez Kopertę jest przechowywana tutaj.
main-tab-settings = Ustawienia
main-compose = Nowa wiadomość
main-no-accounts = Witaj w Kopercie. Aby zacząć, dodaj konto, z którego wysyłasz pocztę.
main-add-account = Dodaj konto
main-test = Sprawdź połączenie
main-testing = Sprawdzanie połączenia…
main-edit = Edytuj
main-remove = Usuń
main-cancel = Anuluj
main-open = Otwórz
main-discard = Odrzuć
main-no-subject = (bez tematu)
main-closed-queued = Wiadomość „{ $subject }” czeka w skrzynce nadawczej i wyjdzie sama; aby ją zmienić, otwórz ją tam.
main-closed-scheduled = Wiadomość „{ $subject }” wyjdzie { $time }; do tego czasu czeka w skrzynce nadawczej, gdzie możesz ją otworzyć i zmienić.
main-holds-resumed = { $count ->
    [one] Koperta została zamknięta, gdy wiadomość czekała na upływ czasu na cofnięcie. Otwarto ją ponownie z nowym odliczaniem: „Cofnij” nadal ją zatrzyma.
    [few] Koperta została zamknięta, gdy { $count } wiadomości czekały na upływ czasu na cofnięcie. Otwarto je ponownie z nowym odliczaniem: „Cofnij” nadal zatrzyma każdą z nich.
   *[many] Koperta została zamknięta, gdy { $count } wiadomości czekało na upływ czasu na cofnięcie. Otwarto je ponownie z nowym odliczaniem: „Cofnij” nadal zatrzyma każdą z nich.
 }
main-crashed-last-time = Ostatnim razem Koperta nieoczekiwanie przerwała pracę. Szczegóły zapisano w pliku { $path }; dołącz go do zgłoszenia problemu.
main-closed-sending = Wiadomość „{ $subject }” jest właśnie wysyłana; wynik zobaczysz w skrzynce nadawczej i w Wysłanych.
main-closed-draft-kept = Szkic „{ $subject }” został zachowany w Szkicach.
compose-close-save-failed = Nie udało się zapisać szkicu, więc okno zostaje otwarte razem z tekstem: { $reason }
main-closed-waiting = Wiadomość „{ $subject }” czeka na Ciebie w skrzynce nadawczej: sama nie zostanie wysłana.
main-confirm-remove = Usunąć konto { $address } i jego hasło z bazy kluczy?
main-remove-outbox-kept = { $count ->
    [one] Jedna wiadomość w skrzynce nadawczej czeka na wysłanie z tego konta: zostanie tam niewysłana, dopóki jej nie otworzysz i nie wybierzesz innego nadawcy.
    [few] { $count } wiadomości w skrzynce nadawczej czekają na wysłanie z tego konta: zostaną tam niewysłane, dopóki nie otworzysz każdej z nich i nie wybierzesz innego nadawcy.
   *[many] { $count } wiadomości w skrzynce nadawczej czeka na wysłanie z tego konta: zostaną tam niewysłane, dopóki nie otworzysz każdej z nich i nie wybierzesz innego nadawcy.
 }
main-remove-drafts-kept = { $count ->
    [one] Jego szkic zostanie zachowany; po otwarciu wybierz innego nadawcę.
    [few] Jego { $count } szkice zostaną zachowane; po otwarciu wybierz innego nadawcę.
   *[many] Jego { $count } szkiców zostanie zachowanych; po otwarciu wybierz innego nadawcę.
 }
main-account-saved = Zapisano konto: { $address }.
main-account-removed = Usunięto konto wraz z hasłem.
main-sent = Wysłano „{ $subject }” do { $first }{ $others ->
        [0] {""}
        [one] {" "}i jeszcze jednego odbiorcy
       *[other] {" "}i jeszcze { $others } odbiorców
    }. Kopia jest w Wysłanych na tym komputerze.
main-sent-draft-kept = Zmiany wprowadzone po dodaniu wiadomości do skrzynki nadawczej nie zostały wysłane: są w Szkicach.
mark-verified = TLS, certyfikat zweryfikowany
mark-pinned = TLS, przypięty certyfikat (niezweryfikowany przez urząd certyfikacji)
mark-unsafe = BEZ SZYFROWANIA
mark-unsafe-blocked = BEZ SZYFROWANIA: nic z niego nie zostanie wysłane, dopóki w Ustawieniach jest włączone „Nigdy nie wysyłaj bez szyfrowania”
mark-unsafe-blocked-short = BEZ SZYFROWANIA, wysyłanie zablokowane
form-title-add = Dodaj konto
form-title-edit = Edytuj konto
form-title-wizard-last = Krok 2: Serwer i hasło — konfiguracja ręczna
form-name = Imię i nazwisko
form-address = Adres e-mail
form-host = Serwer poczty wychodzącej
form-security = Zabezpieczenie
form-port = Port
form-username = Nazwa użytkownika
form-password = Hasło
form-password-keep = Hasło (zostaw puste, by nie zmieniać)
form-optional = opcjonalnie
form-choose-file = Wybierz…
form-forget-file = Usuń
form-file-kept = Plik jest już zapisany: zostaw pole puste, by go zachować, wskaż nowy plik albo kliknij „Usuń”.
form-ca-file = Dodatkowy urząd certyfikacji (CA)
form-pin-file = Przypięty certyfikat (PEM)
form-signature = Podpis
form-signature-placeholder = opcjonalnie: imię i nazwisko, telefon, firma — w dowolnej liczbie wierszy
form-save = Zapisz
form-checking = Sprawdzanie konta (logowanie)…
form-save-unchecked = Zapisz bez logowania
form-save-unchecked-hint = „Zapisz” najpierw się loguje i nie przyjmie złego hasła ani serwera. „Zapisz bez logowania” zachowuje konto tak, jak je wpisano; do pierwszego udanego sprawdzenia lub wysłania jest oznaczone jako „jeszcze nie sprawdzono”.
form-close-question = Zamknąć okno? Dodawane konto nie zostało zapisane.
form-close-yes = Zamknij bez zapisywania
form-leave-question = Zamknąć formularz? Zmiany w tym koncie nie zostały zapisane.
form-leave-new-question = Zamknąć formularz? Dodawane konto nie zostało zapisane.
form-leave-yes = Zamknij bez zapisywania
account-error-password-required-gui = Wpisz hasło.

## Pulpit: do wysłania

outbox-empty = Nic nie czeka na wysłanie.
outbox-retry = Ponów
outbox-send-now = Wyślij teraz
outbox-delete = Usuń
outbox-may-have-been-sent = Ta wiadomość mogła już zostać wysłana: połączenie zerwało się, zanim serwer ją potwierdził.
outbox-retry-unsure-question = Wiadomość „{ $subject }” mogła już zostać wysłana. Wysłać ją mimo to jeszcze raz?

## Pulpit: ustawienia

settings-language = Język
settings-language-system = Język systemu
settings-theme = Motyw
settings-theme-system = Jak w systemie
settings-theme-light = Jasny
settings-theme-dark = Ciemny
settings-never-plaintext = Nigdy nie wysyłaj bez szyfrowania
settings-never-plaintext-explained = Gdy ta opcja jest włączona, Koperta wysyła tylko przez TLS z certyfikatem ważnym dla serwera i odrzuca konta bez szyfrowania.
settings-plaintext-off-question = Wyłączenie pozwoli kontom oznaczonym jako nieszyfrowane wysyłać hasło i wiadomości jawnym tekstem — może je przeczytać każdy, przez czyją sieć przechodzą. Wyłączyć?
settings-plaintext-off-yes = Wyłącz

## Pulpit: okno wiadomości

compose-new-title = Nowa wiadomość
compose-from = Od
compose-from-placeholder = Wybierz konto
compose-no-account = Najpierw dodaj konto: Koperta wysyła przez serwer Twojego dostawcy, a ta wiadomość tu poczeka.
compose-to = Do
compose-to-placeholder = Imię <adres>, inny@example.pl
compose-cc-short = DW
compose-bcc-short = UDW
compose-cc = DW
compose-bcc = UDW
compose-subject = Temat
compose-body-placeholder = Tu napisz wiadomość.
compose-remove = Usuń
compose-attachments-total = { $count ->
    [one] 1 załącznik, { $size }
    [few] { $count } załączniki, { $size }
   *[many] { $count } załączników, { $size }
}
compose-too-big = Z załącznikami ta wiadomość ma około { $size }, a serwer przyjmuje najwyżej { $limit }. Usuń część plików albo wyślij je inaczej.
compose-attach-path-placeholder = Ścieżka pliku do załączenia (lub upuść pliki tutaj)
compose-attach-path = Załącz
compose-removed = Usunięto „{ $name }”.
compose-undo-remove = Cofnij
compose-attach-dialog = Wybierz pliki…
compose-signature = Podpis
compose-save = Zapisz szkic
compose-saved = Szkic zapisany.
compose-send = Wyślij
compose-sending = Wysyłanie… { $percent }%
compose-close-question = Zachować tę wiadomość jako szkic?
compose-close-keep = Zachowaj szkic
compose-close-discard = Odrzuć
compose-close-cancel = Anuluj

gui-error-display-unreachable = Koperta nie może otworzyć okna: ekran { $display } nie odpowiada. Wiersz poleceń działa bez niego: zobacz koperta --help.
gui-error-no-display = Koperta nie może otworzyć okna: brak ekranu (nie ustawiono ani DISPLAY, ani WAYLAND_DISPLAY). Wiersz poleceń działa bez niego: zobacz koperta --help.
gui-error-start = Koperta nie może otworzyć okna: { $reason }

## Więcej błędów

smtp-error-cert-ca-as-server = Serwer przedstawia jako własny certyfikat urzędu certyfikacji, a nie certyfikat serwera. Nic nie wysłano. Administrator serwera musi zainstalować właściwy certyfikat serwera.
send-error-body-file = Nie można odczytać treści wiadomości z { $path }: { $reason }
cli-error-runtime = Nie można uruchomić Koperty: { $reason }
send-error-body-stdin = Nie można odczytać treści wiadomości ze standardowego wejścia: { $reason }
cli-error-repeated = Opcję { $arg } podano więcej niż raz.
address-error-name-is-address = „{ $text }”: nazwa przed <…> wygląda jak adres; oddziel dwa adresy przecinkiem albo ujmij nazwę w cudzysłów.
io-error-not-a-file = to nie jest zwykły plik (potok, urządzenie albo folder)
io-error-changed = plik zmienił się w trakcie odczytu; dołącz go ponownie
io-error-not-found = plik lub folder nie istnieje
io-error-permission = brak uprawnień
io-error-read-only = dysk jest tylko do odczytu
io-error-is-directory = to folder, nie plik
io-error-disk-full = dysk jest pełny
io-error-not-text = to nie jest tekst UTF-8
io-error-quota = wyczerpano przydział miejsca na dysku
io-error-too-large = plik jest za duży dla systemu plików
io-error-not-a-directory = część ścieżki nie jest folderem
io-error-busy = plik lub urządzenie jest zajęte
io-error-timed-out = system plików nie odpowiedział na czas
io-error-bad-name = nazwa pliku jest tu niedozwolona (za długa albo ze znakiem, którego dysk nie przyjmuje)
io-error-other = błąd systemu: { $detail }
mark-verified-short = TLS, zweryfikowany
mark-pinned-short = TLS, przypięty
mark-not-checked = jeszcze nie sprawdzono: użyj „Sprawdź połączenie” albo wyślij wiadomość
mark-verified-at = zweryfikowano { $time } ({ $tls }, certyfikat wystawił { $issuer })
mark-pinned-at = przypięty certyfikat zgodny (sprawdzono { $time }, { $tls })
mark-failed-at = ostatnie sprawdzenie się nie powiodło ({ $time }): { $reason }
mark-not-checked-short = jeszcze nie sprawdzono
mark-failed-short = ostatnie sprawdzenie nieudane
form-bcc-self = UDW do mnie: wysyłaj sobie kopię każdej wiadomości (Koperta nie zapisuje jej na serwerze)
cli-arg-bcc-self = Wysyłaj ukrytą kopię każdej wiadomości na adres tego konta
cli-arg-no-bcc-self = Przestań wysyłać ukrytą kopię na adres tego konta
cli-arg-no-extra-trust = Usuń dodatkowy urząd certyfikacji lub przypięty certyfikat: ufaj tylko urzędom certyfikacji systemu
form-username-placeholder = taka sama jak adres e-mail

## Discovery
discover-source-bundled = lista dostawców wbudowana w Kopertę
discover-source-autoconfig = plik autokonfiguracji dostawcy
discover-source-well-known = plik autokonfiguracji domeny (.well-known)
discover-source-srv = rekordy SRV domeny (RFC 6186)
discover-source-ispdb = baza dostawców Thunderbirda (ISPDB)
discover-source-mx = rekordy MX domeny (poczta u znanego dostawcy)
discover-source-probe = sprawdzenie typowych nazw serwerów
discover-outcome-found = { $count ->
    [one] znaleziono 1 serwer
    [few] znaleziono { $count } serwery
   *[many] znaleziono { $count } serwerów
}
discover-outcome-nothing = nic nie znaleziono
discover-outcome-failed = nie udało się zapytać (brak odpowiedzi albo połączenia)
discover-outcome-not-offered = domena deklaruje, że nie ma serwera poczty wychodzącej
discover-outcome-skipped = pominięto
discover-note-app-password = { $name } wymaga hasła do aplikacji, utworzonego w ustawieniach bezpieczeństwa konta, a nie zwykłego hasła. { $help }
discover-note-oauth-only = { $name } przyjmuje do wysyłania tylko logowanie OAuth, którego Koperta jeszcze nie obsługuje. Hasło nie zadziała.
discover-note-enable-smtp = { $name }: najpierw włącz dostęp dla programów pocztowych (SMTP) w ustawieniach poczty w przeglądarce. { $help }
discover-note-local-bridge = { $name } działa na tym komputerze: najpierw go uruchom i użyj hasła, które pokazuje, a nie hasła do konta.
discover-note-unverified = Ustawień dla { $name } nie udało się sprawdzić w opublikowanym źródle.
discover-note-outside-domain = Serwer { $host } jest poza Twoją domeną { $domain }. Użyj go tylko wtedy, gdy dostawca tak podaje.
discover-note-dns-unvalidated = Ten serwer znaleziono w DNS, którego Koperta nie weryfikuje (nie obsługuje jeszcze DNSSEC): sprawdź nazwę serwera.
discover-searching = Wyszukiwanie serwera poczty wychodzącej dla adresu { $address }…
discover-tried = Źródła:
discover-best = Propozycja: { $host }:{ $port }, { $security }, użytkownik { $username } (źródło: { $source })
discover-other = Znaleziono też: { $host }:{ $port }, { $security } (źródło: { $source })
discover-nothing = Nie znaleziono szyfrowanego serwera poczty wychodzącej dla domeny { $domain }. Wpisz ustawienia ręcznie (koperta account add).
discover-plaintext-only = Twój dostawca podaje tylko serwer bez szyfrowania ({ $host }:{ $port }). Koperta nie wyśle przez niego hasła ani poczty. Poproś dostawcę o ustawienia połączenia szyfrowanego albo wpisz je ręcznie.
discover-refused-plaintext = Odrzucono (bez szyfrowania): { $host }:{ $port } (źródło: { $source })
discover-error-invalid-address = „{ $address }” nie jest adresem e-mail.
discover-error-outside-domain = Proponowany serwer { $host } jest poza Twoją domeną. Jeśli dostawca każe go używać, dodaj konto poleceniem „koperta account add --email { $address } --host { $host } --port { $port } --security { $security } --password-stdin”.
discover-error-oauth = { $name } wymaga logowania OAuth, którego Koperta jeszcze nie obsługuje.
discover-error-nothing = Nie ma czego zapisać: nie znaleziono serwera.
discover-testing = Logowanie do { $host }:{ $port }…
cli-account-discover-about = Znajdź serwer poczty wychodzącej dla adresu (a z --save dodaj konto)
cli-arg-address = Adres e-mail
cli-arg-save = Sprawdź proponowane ustawienia z hasłem ze standardowego wejścia, potem dodaj konto
cli-arg-dns-server = Pytaj ten serwer DNS (IP:PORT) zamiast systemowego
cli-arg-discover-ca-file = Plik PEM z dodatkowym certyfikatem CA, zaufanym dla plików autokonfiguracji i serwera

## Account setup wizard
wizard-step = Krok { $step }: { $title }
wizard-identity-title = Imię, nazwisko i adres
wizard-identity-intro = Koperta znajdzie serwer poczty wychodzącej Twojego dostawcy na podstawie adresu i będzie się z nim łączyć wyłącznie przez szyfrowane połączenie.
wizard-name-placeholder = Jan Kowalski
contacts-address-placeholder = anna@example.pl
wizard-address-placeholder = jan@example.pl
wizard-find = Znajdź mój serwer
wizard-manual = Skonfiguruj ręcznie
wizard-searching-title = Wyszukiwanie serwera
wizard-proposal-title = Twój serwer
wizard-found-at = Źródło: { $source }. Sprawdź ustawienia albo je zmień, jeśli dostawca podaje inne.
wizard-confirm-outside = Potwierdzam, że { $host } to serwer mojego dostawcy
wizard-plaintext-only = Twój dostawca podaje tylko serwer bez szyfrowania ({ $host }:{ $port }). Koperta nie wyśle przez niego hasła ani poczty. Poproś dostawcę o ustawienia połączenia szyfrowanego albo skonfiguruj konto ręcznie.
wizard-nothing = Nie znaleziono szyfrowanego serwera poczty wychodzącej dla domeny { $domain }. Skonfiguruj konto ręcznie według danych od dostawcy.
wizard-next = Dalej
wizard-back = Wstecz
wizard-password-title = Hasło
wizard-password-for = Hasło użytkownika „{ $username }” na serwerze { $host }:{ $port } ({ $security }). Zostanie wysłane dopiero po nawiązaniu szyfrowanego połączenia z ważnym certyfikatem i będzie przechowywane w systemowej bazie kluczy.
wizard-pinned = Przypięty certyfikat, SHA-256 { $fingerprint }
wizard-test-save = Zaloguj się i zapisz
wizard-edit-settings = Zmień ustawienia
wizard-pin-title = Nieznany certyfikat
wizard-pin-explained = Serwer { $host } przedstawił certyfikat, którego nie podpisał żaden zaufany urząd certyfikacji. Jeśli to Twój własny serwer, porównaj ten odcisk SHA-256 z odciskiem podanym przez administratora serwera:
wizard-pin-not-verified = Po przypięciu Koperta przyjmie dokładnie ten certyfikat i żaden inny; konto będzie oznaczone „TLS, przypięty”, nigdy „TLS, zweryfikowany”. Jeśli odciski się różnią, nie przypinaj: ktoś może podsłuchiwać.
wizard-pin = Przypnij certyfikat i zaloguj się
compose-already-sending = Ta wiadomość jest właśnie wysyłana ze skrzynki nadawczej; poczekaj na wynik.
compose-send-after-attach = Dołączanie plików… Wiadomość zostanie wysłana, gdy tylko będą dołączone.
compose-send-later = Wyślij później…
compose-later-at = Termin wysłania (czas lokalny):
compose-later-schedule = Zaplanuj
compose-later-tomorrow = Jutro o 8:00
compose-later-monday = W poniedziałek o 8:00
compose-sent = Wysłano.
attach-error-not-a-file = to nie jest zwykły plik (to folder, potok albo urządzenie)
attach-error-refused-too-large = Nie dołączono pliku { $path }: ma { $size }, a Koperta dołącza pliki do { $limit }. Większość serwerów poczty przyjmuje znacznie mniej (często 25 MB).
instance-not-responding = Koperta już działa, ale nie odpowiada. Zamknij ją (albo zakończ jej proces) i spróbuj ponownie.
instance-handed-off = Koperta już działa: przywołano jej okno.
mailto-attach-ignored = Odnośnik prosił o dołączenie plików; dla bezpieczeństwa Koperta to pomija. Jeśli chcesz, dołącz je ręcznie.
mailto-malformed = Nie udało się odczytać odnośnika mailto:, dlatego otwarto pustą wiadomość.
notify-sent = Wiadomość wysłana
notify-failed = Wiadomość niewysłana: czeka w skrzynce nadawczej
notify-maybe-sent = Wiadomość mogła zostać wysłana: sprawdź, zanim wyślesz ją ponownie
settings-notifications = Powiadomienia na pulpicie, gdy wiadomość zostanie wysłana w tle albo nie da się jej wysłać
settings-undo-delay = Cofanie wysłania przez
settings-undo-delay-off = Bez opóźnienia
settings-undo-delay-seconds = { $seconds ->
    [one] 1 sekundę
    [few] { $seconds } sekundy
   *[many] { $seconds } sekund
}
settings-undo-delay-explained = Po wysłaniu wiadomość czeka tyle w skrzynce nadawczej: w tym czasie przycisk „Cofnij”, Esc lub Ctrl+Z ją wycofują.
settings-checks = Przed wysłaniem zapytaj, gdy:
settings-check-attachment = tekst wspomina o załączniku, a żadnego nie dołączono
settings-check-subject = temat jest pusty
settings-check-domain = adres wygląda na literówkę (gmial.com zamiast gmail.com)
settings-show-notifications = notifications = { $value }
discover-network-problem = Nie udało się zapytać niektórych źródeł: sprawdź połączenie z siecią i spróbuj ponownie.
wizard-cert-untrusted = Certyfikatu serwera nie podpisał urząd certyfikacji, któremu ufa ten komputer. Hasło nie zostało wysłane.
wizard-password-plaintext = Hasło użytkownika „{ $username }” na serwerze { $host }:{ $port }. To połączenie NIE JEST SZYFROWANE: hasło i poczta przejdą przez sieć jawnym tekstem, zgodnie z Twoim wyborem. Hasło będzie przechowywane w systemowej bazie kluczy.
cli-password-prompt = Hasło (niewidoczne):
discover-dns-server-kept-not = Uwaga: wysyłanie korzysta z systemowego DNS, a nie z --dns-server: nazwa { $host } musi dać się tam odnaleźć.
wizard-edited = Twoje własne ustawienia: Koperta sprawdzi je przy logowaniu.

## Silnik skrzynki nadawczej
smtp-error-not-delivered = Serwer przestał odbierać wiadomość przed jej końcem ({ $bytes ->
    [one] { $bytes } bajt nie został potwierdzony
    [few] { $bytes } bajty nie zostały potwierdzone
   *[other] { $bytes } bajtów nie zostało potwierdzonych
}), więc nic nie zostało doręczone. Wiadomość zostanie wysłana ponownie.
outbox-damaged-size = Plik wiadomości w skrzynce nadawczej zmienił się od chwili dodania ({ $found } B zamiast { $expected } B). Nie zostanie wysłany w tej postaci.
outbox-damaged-checksum = Plik wiadomości w skrzynce nadawczej zmienił się od chwili dodania. Nie zostanie wysłany w tej postaci.
outbox-damaged-unreadable = Nie można odczytać pliku wiadomości ze skrzynki nadawczej. Komunikat systemu: { $detail }
outbox-no-account = Konto, z którego miała wyjść ta wiadomość, już nie istnieje. Wiadomość napisaną w Kopercie można otworzyć przyciskiem „Edytuj” i wybrać innego nadawcę; wiadomość dodana z wiersza poleceń nie ma szkicu do edycji: usuń ją i wyślij ponownie z innego konta.
outbox-cancelled = Wysyłanie przerwano na Twoje polecenie, zanim wiadomość została przesłana w całości: nic nie zostało doręczone.
outbox-cancelled-after-dot = Wysyłanie przerwano na Twoje polecenie już po przesłaniu całej wiadomości, zanim serwer ją potwierdził, więc mogła zostać wysłana. Zanim wyślesz ją ponownie, sprawdź u odbiorców.
outbox-next-automatic = Koperta sama spróbuje ponownie.
outbox-next-fix-and-retry = Usuń przyczynę i spróbuj ponownie.
outbox-next-edit = Popraw ją przed ponownym wysłaniem.
outbox-next-maybe-sent = Jeśli wyślesz ją ponownie, Koperta najpierw zapyta Cię o zgodę.
outbox-next-cancelled = Czeka w skrzynce nadawczej, aż wyślesz ją ponownie.
outbox-state-held = Za chwilę zostanie wysłana (można cofnąć)
outbox-state-scheduled = Zaplanowana
outbox-state-due = Czeka na wysłanie
outbox-state-sending = Wysyłanie
outbox-state-failed = Niewysłana
outbox-state-maybe-sent = Mogła zostać wysłana
outbox-state-sent = Wysłana
outbox-error-not-found = W skrzynce nadawczej nie ma takiej wiadomości.
outbox-error-already-sent = Tej wiadomości nie ma już w skrzynce nadawczej: została już wysłana.
outbox-error-busy = Ta wiadomość jest właśnie wysyłana.
outbox-error-ask-first = Ta wiadomość mogła już zostać wysłana. Aby mimo to wysłać ją ponownie, potwierdź (w wierszu poleceń: --yes).
outbox-error-permanent = Serwer odrzucił tę wiadomość na stałe; wysłanie jej bez zmian skończy się tak samo. Najpierw ją popraw.
outbox-error-too-late = Za późno, by cofnąć tę wiadomość: jest wysyłana albo już wyszła.
store-error-io = { $path }: { $reason }
store-error-not-a-file = { $path } nie jest zwykłym plikiem.
store-error-too-large = { $path } ma { $size }, a Koperta załącza pliki najwyżej do { $limit }.
store-error-damaged = Plik { $path } jest uszkodzony i został pozostawiony bez zmian ({ $detail }).
smtp-error-reply-line-too-long = Serwer przysłał wiersz odpowiedzi dłuższy niż { $limit } B. Koperta zakończyła połączenie; nic więcej nie zostało wysłane.
smtp-error-reply-too-large = Serwer przysłał odpowiedź większą niż { $limit } B. Koperta zakończyła połączenie; nic więcej nie zostało wysłane.
settings-show-undo-send = undo-send-seconds = { $value }
send-queued-later = Dodano do kolejki jako { $id }; wyjdzie { $time }, jeśli Koperta będzie wtedy działać, a jeśli nie — przy następnym uruchomieniu lub „koperta outbox run”.
send-failed-kept = Wiadomość nie została wysłana.
send-stopped-removed = Przerwano przed wysłaniem: nic nie wyszło, a wiadomości nie ma już w kolejce.
send-stopped-maybe-sent = Przerwano w trakcie wysyłania: wiadomość mogła zostać wysłana. Zostaje w kolejce jako { $id }; pokazuje ją „koperta outbox list”, a nic nie wyśle jej ponownie bez pytania.
send-stopped-too-late = Przerwano za późno: serwer przyjął już wiadomość (jest w Wysłanych).
send-stopped-not-removed = Przerwano przed wysłaniem, ale nie udało się usunąć wiadomości z kolejki ({ $reason }). Usuń ją poleceniem „koperta outbox remove { $id }”, inaczej zostanie wysłana.
send-went-late = Wyszła z opóźnieniem { $minutes } min: gdy nadszedł jej czas, Koperta nie działała.
send-kept-transient = Czeka w skrzynce nadawczej jako { $id }; aplikacja lub „koperta outbox run” same spróbują ponownie.
send-kept-retry = Czeka w skrzynce nadawczej jako { $id }. Usuń przyczynę, a potem: koperta outbox retry { $id }
send-kept-permanent = Czeka w skrzynce nadawczej jako { $id }. Serwer odrzucił ją na stałe: zmień wiadomość albo usuń ją poleceniem „koperta outbox remove { $id }”.
send-kept-maybe-sent = Czeka w skrzynce nadawczej jako { $id }, oznaczona „mogła zostać wysłana”. Sprawdź u odbiorców; aby mimo to wysłać ją ponownie: koperta outbox retry { $id } --yes
send-skipped = Wiadomość { $id } nie została teraz wysłana: wysyła ją inna Koperta albo nie nadszedł jeszcze jej czas.
send-error-later-format = „{ $value }” nie jest czasem w postaci RRRR-MM-DD GG:MM (czas lokalny).
send-error-later-past = { $value } już minęło.
cli-arg-later = Dodaj wiadomość do kolejki, by wyszła o podanej godzinie (czas lokalny): „RRRR-MM-DD GG:MM”
cli-arg-yes = Wyślij bez pytania także wiadomości, które mogły już zostać wysłane
cli-outbox-about = Pokaż i wyślij wiadomości czekające w skrzynce nadawczej
cli-outbox-list-about = Pokaż wiadomości w skrzynce nadawczej z ich stanem i przyczyną
cli-outbox-retry-about = Wyślij ponownie wiadomość ze skrzynki nadawczej (pyta, jeśli mogła już zostać wysłana)
cli-outbox-remove-about = Usuń wiadomość ze skrzynki nadawczej bez wysyłania
cli-outbox-run-about = Wyślij raz każdą wiadomość, na którą przyszła pora, i zakończ (dla crona albo gdy aplikacja nie działa)
cli-drafts-about = Pokaż i usuń szkice przechowywane przez aplikację
cli-drafts-list-about = Wypisz szkice, od najnowszego, z tematem i odbiorcami
cli-drafts-remove-about = Usuń szkic wraz z kopiami jego załączników
cli-arg-draft-id = Identyfikator szkicu, taki jak w „koperta drafts list”
drafts-list-empty = Nie ma żadnych szkiców.
drafts-list-entry = { $id }  { $time }  { $subject }
drafts-list-recipients = {"    "}Do: { $recipients }
drafts-list-no-recipients = (jeszcze bez odbiorców)
drafts-list-queued = {"    "}Wiadomość z tego szkicu czeka w skrzynce nadawczej.
drafts-not-found = Nie ma szkicu { $id }.
drafts-removed = Usunięto szkic { $id }.
drafts-open-in-app = Szkic { $id } jest otwarty w oknie Koperty, które zapisałoby go ponownie: zamknij to okno albo odrzuć szkic w nim. Niczego nie usunięto.
cli-arg-outbox-id = Identyfikator wiadomości, taki jak w „koperta outbox list”
cli-arg-outbox-all = Każda wiadomość, której nie udało się wysłać i którą można ponowić
cli-contacts-about = Książka adresowa: nazwiska i adresy podpowiadane przy wpisywaniu odbiorcy
cli-contacts-list-about = Wypisz kontakty
cli-contacts-add-about = Dodaj kontakt (albo zmień jego nazwę)
cli-contacts-remove-about = Usuń kontakt
cli-contacts-import-about = Dodaj kontakty z pliku vCard 4.0
cli-contacts-export-about = Zapisz wszystkie kontakty do pliku vCard 4.0
cli-arg-contact-address = Adres e-mail kontaktu
cli-arg-contact-name = Nazwa pokazywana przy adresie
cli-arg-vcard-file = Plik vCard (.vcf)
contacts-list-empty = Nie ma jeszcze kontaktów: Koperta uczy się ich z wysyłanych wiadomości, można je też dodać poleceniem „koperta contacts add”.
contacts-added = Dodano { $address }.
contacts-removed = Usunięto { $address }.
contacts-not-found = { $address } nie ma w kontaktach.
contacts-imported = { $count ->
    [one] Jeden nowy kontakt.
    [few] { $count } nowe kontakty.
   *[many] { $count } nowych kontaktów.
}
contacts-exported = { $count ->
    [one] Zapisano jeden kontakt do { $path }.
    [few] Zapisano { $count } kontakty do { $path }.
   *[many] Zapisano { $count } kontaktów do { $path }.
}
contacts-error-read = Nie można odczytać { $path }: { $reason }
contacts-error-write = Nie można zapisać { $path }: { $reason }
contacts-error-damaged = Plik kontaktów { $path } jest uszkodzony ({ $detail }); zostaje bez zmian. Popraw go albo przenieś.
contacts-error-not-vcard = To nie jest plik vCard 4.0: { $detail }
contacts-error-bad-address = „{ $address }” nie jest poprawnym adresem e-mail.
main-tab-contacts = Kontakty
contacts-empty = Nie ma jeszcze kontaktów. Trafia tu każdy, do kogo wyślesz wiadomość, z imieniem i nazwiskiem, jakie wpiszesz; kontakty możesz też dodać samodzielnie albo zaimportować z pliku vCard poleceniem „koperta contacts import”.
contacts-new = Nowy kontakt
contacts-new-title = Nowy kontakt
contacts-edit-title = Edycja kontaktu
contacts-name = Imię i nazwisko
contacts-address = Adres e-mail
contacts-name-placeholder = Anna Nowak
contacts-write = Napisz
contacts-edit = Edytuj
contacts-remove = Usuń
contacts-never-used = jeszcze nic nie wysłano
contacts-used = { $count ->
    [one] jedna wiadomość, ostatnio { $time }
    [few] { $count } wiadomości, ostatnio { $time }
   *[many] { $count } wiadomości, ostatnio { $time }
}
contacts-remove-question = Usunąć { $contact } z kontaktów? Wysłanych już wiadomości to nie zmieni.
contacts-saved = Zapisano { $contact }.
outbox-list-empty = Skrzynka nadawcza jest pusta.
outbox-list-entry = { $id }  { $state }  { $subject }
outbox-list-reason = {"    "}Przyczyna: { $reason }
outbox-confirm-resend = Wiadomość { $id } mogła już zostać wysłana. Mimo to wysłać ją ponownie? [t/N]
outbox-confirm-yes-letter = t
outbox-nothing-to-retry = W skrzynce nadawczej nie ma nic do ponowienia.
outbox-removed = Usunięto { $id } ze skrzynki nadawczej.
outbox-run-unsure-kept = { $count ->
    [one] Jedna wiadomość mogła już zostać wysłana i została zatrzymana
    [few] { $count } wiadomości mogły już zostać wysłane i zostały zatrzymane
   *[other] { $count } wiadomości mogło już zostać wysłanych i zostało zatrzymanych
}: { $ids }. Sprawdź u odbiorców; aby mimo to wysłać ponownie: koperta outbox retry ID --yes
outbox-run-nothing-due = Nie ma nic do wysłania.
outbox-some-not-sent = { $count ->
    [one] Jedna wiadomość nie została wysłana; czeka
    [few] { $count } wiadomości nie zostały wysłane; czekają
   *[other] { $count } wiadomości nie zostało wysłanych; czekają
} w skrzynce nadawczej (koperta outbox list).
compose-queueing = Umieszczanie wiadomości w skrzynce nadawczej…
compose-held = Wiadomość wyjdzie za { $seconds } s. Aby ją zatrzymać, kliknij „Cofnij” albo naciśnij Esc.
compose-undo = Cofnij
compose-undone = Cofnięto: wiadomość nie została wysłana.
compose-withdrawn = Zmieniono wiadomość, więc wyjęto ją ze skrzynki nadawczej: naciśnij „Wyślij”, gdy będzie gotowa.
compose-sent-earlier-version = Wysłano wersję dodaną wcześniej do skrzynki nadawczej; późniejsze zmiany zostały tu jako nowy szkic.
main-sent-elsewhere = Wiadomość „{ $subject }” została już wysłana z wiersza poleceń.
compose-removed-elsewhere = Tę wiadomość usunięto ze skrzynki nadawczej z wiersza poleceń; znów jest szkicem.
compose-resend-yes = Wyślij ponownie
compose-concern-no-subject = Ta wiadomość nie ma tematu.
compose-concern-attachment = W treści jest mowa o załączniku, ale nic nie załączono.
compose-concern-path = Obok „Załącz” wpisano ścieżkę pliku, ale plik nie został załączony.
compose-concern-domain = Czy „{ $address }” to dobry adres? Może chodziło o { $meant }?
compose-send-anyway = Wyślij mimo to
compose-cancel-send = Przerwij wysyłanie
smtp-error-not-recorded = Koperta nie mogła zapisać próby w skrzynce nadawczej, więc nie wysłała wiadomości: { $reason }
smtp-error-abandoned = Nie udało się odczytać wiadomości do końca w trakcie wysyłania, więc serwer nie dostał jej zakończenia i nic nie dostarczono: { $reason }
smtp-error-cert-not-yet-valid = Certyfikat serwera nie jest jeszcze ważny: jego ważność zaczyna się w przyszłości albo zegar tego komputera jest źle ustawiony. Nic nie wysłano. Podmiot: { $subject }
smtp-error-cert-ip-as-dns-name = Certyfikat serwera podaje { $address } jako nazwę hosta, a nie jako adres IP, więc nie jest ważny dla tego adresu. Nic nie wysłano. Zamiast adresu użyj nazwy serwera.
smtp-error-cert-wrong-purpose = Certyfikat serwera nie jest certyfikatem serwera (nie pozwala na to jego pole „Użycie klucza”). Nic nie wysłano. Podmiot: { $subject }
smtp-error-cert-weak-algorithm = Certyfikat serwera używa zbyt słabego albo nieobsługiwanego algorytmu klucza lub podpisu (np. SHA-1 albo RSA krótszego niż 2048 bitów). Nic nie wysłano. Podmiot: { $subject }
smtp-error-cert-revoked = Wystawca unieważnił certyfikat serwera. Nic nie wysłano. Podmiot: { $subject }
compose-held-now = Wysyłanie…
outbox-next-try-at = następna próba { $time }
compose-next-try = Czeka w skrzynce nadawczej, a Koperta sama spróbuje ponownie { $time } (albo naciśnij teraz „Wyślij”).
compose-next-try-soon = Czeka w skrzynce nadawczej, a Koperta za chwilę sama spróbuje ponownie (albo naciśnij teraz „Wyślij”).
compose-account-changed = Ustawienia konta zmieniono po tej próbie: następna użyje nowych ustawień.
outbox-next-try-in = { $minutes ->
    [one] następna próba za minutę
    [few] następna próba za { $minutes } minuty
   *[many] następna próba za { $minutes } minut
}
outbox-next-try-now = następna próba za chwilę
outbox-goes-in = { $seconds ->
    [one] wyjdzie za sekundę
    [few] wyjdzie za { $seconds } sekundy
   *[many] wyjdzie za { $seconds } sekund
}
store-damaged-incomplete = brakuje w nim tego, co potrzebne do wysłania: konta, nadawcy, odbiorcy albo sumy kontrolnej wiadomości
outbox-interrupted = Koperta została zatrzymana w trakcie wysyłania tej wiadomości, więc mogła ona zostać wysłana. Zanim wyślesz ją ponownie, sprawdź u odbiorców.
outbox-next-damaged = Usuń ją ze skrzynki nadawczej i wyślij wiadomość jeszcze raz.
outbox-error-not-yet = Ta wiadomość czeka na swój termin (zaplanowane wysłanie albo czas na cofnięcie wysłania); wcześniej nie zostanie wysłana.
send-kept-damaged = Zostaje w skrzynce nadawczej jako { $id } i nie zostanie wysłana w tej postaci. Usuń ją poleceniem „koperta outbox remove { $id }” i wyślij wiadomość jeszcze raz.
outbox-list-recipients = {"    "}Odbiorcy: { $recipients } · Od: { $account } · Próby: { $attempts }
send-error-later-no-such-time = Nie ma takiej daty ani godziny jak { $value }.

## Wysłana wiadomość, tylko do odczytu
sent-view-close = Zamknij
sent-view-reading = Wczytywanie wiadomości…
sent-view-envelope = Doręczono do
sent-view-sent-at = Wysłano
sent-view-size = Rozmiar
sent-view-transport = Połączenie
sent-view-tls = szyfrowane ({ $tls }), certyfikat zweryfikowany, wystawiony przez { $issuer }
sent-view-tls-pinned = szyfrowane ({ $tls }), przypięty certyfikat
sent-view-tls-unknown = nie zapisano dla tej wiadomości
sent-view-reply = Odpowiedź serwera
sent-view-reply-to = Odpowiedź do
sent-view-options = Oznaczenia
sent-view-high-priority = wysoki priorytet
sent-view-read-receipt = poproszono o potwierdzenie przeczytania
sent-view-cut = Pokazano tylko początek tej wiadomości.
sent-view-attachments = Załączniki
sent-view-unnamed = (bez nazwy)
sent-view-size-unknown = { $name } · rozmiar nieznany (wczytano tylko początek wiadomości)
compose-spell-pl = Pisownia: polski
compose-spell-en = Pisownia: angielski
compose-spell-off = Bez sprawdzania pisowni
compose-spell-subject = Możliwe błędy w temacie: { $words }{ $more ->
        [0] {""}
        [one] {" "}i jeszcze jeden
        [few] {" "}i jeszcze { $more }
       *[other] {" "}i jeszcze { $more }
    } (F7 — podpowiedzi)
compose-spell-missing = { $reason } — pisownia nie jest sprawdzana.
compose-spell-none = Nie znaleziono błędów pisowni.
compose-spell-word = „{ $word }”:
compose-spell-no-suggestions = brak podpowiedzi
compose-spell-add = Dodaj do słownika
compose-spell-close = Zamknij
spell-error-not-installed-pl = Nie zainstalowano słownika polskiego (w Debianie i Ubuntu: pakiet hunspell-pl)
spell-error-not-installed-en = Nie zainstalowano słownika angielskiego (w Debianie i Ubuntu: pakiet hunspell-en-us)
spell-error-unreadable = Nie można odczytać słownika { $path }: { $reason }
spell-error-damaged = Słownik { $path } jest uszkodzony: { $reason }
spell-error-personal = Nie udało się odczytać ani zapisać Twojego słownika: { $reason }
compose-scheduled = Zaplanowana: wyjdzie { $time }. Zmiana zdejmuje ją z planu, dopóki nie wyślesz jej ponownie.
compose-none-chosen = Nie wybrano pliku. Możesz też wpisać ścieżkę pliku w polu powyżej (jest w nim teraz kursor) albo upuścić pliki na to okno.
draft-error-invalid-reply-to = Adres „Odpowiedź do” nadawcy jest niepoprawny: { $reason }
cli-identity-about = Inne nazwy i adresy, z których wysyła konto
cli-identity-add-about = Dodaj tożsamość: nazwę, adres, „Odpowiedź do” i podpis
cli-identity-list-about = Wypisz nadawców konta: jego samego, a potem tożsamości
cli-identity-remove-about = Usuń tożsamość
cli-arg-reply-to = Dokąd mają trafiać odpowiedzi (Reply-To)
cli-arg-identity-signature = Podpis tożsamości (\n zaczyna nowy wiersz)
cli-arg-signature-above-quote = W odpowiedzi podpis nad cytowanym tekstem
cli-arg-identity = Tożsamość: jej identyfikator albo adres
cli-arg-high-priority = Oznacz wiadomość jako ważną (wysoki priorytet)
cli-arg-no-signature = Nie dodawaj podpisu nadawcy pod treścią (jest dodawany pod „-- ”, chyba że treść już się nim kończy)
cli-arg-read-receipt = Poproś o potwierdzenie przeczytania
identity-added = Dodano tożsamość { $address } (identyfikator { $id }).
identity-removed = Usunięto tożsamość { $address }.
identity-reply-to = odpowiedź do: { $address }
identity-error-not-found = Konto nie ma tożsamości „{ $key }”.
identity-error-address = Adres tożsamości jest niepoprawny: { $reason }
identity-error-reply-to = Adres „Odpowiedź do” jest niepoprawny: { $reason }
identity-section = Tożsamości
identity-none = Brak innych tożsamości: wiadomości wychodzą z adresu powyżej.
identity-add = Dodaj tożsamość…
identity-reply-to-field = Odpowiedź do
identity-above-quote = W odpowiedziach umieszczaj podpis nad cytowanym tekstem
identity-done = Gotowe
identity-saved-with-account = Tożsamości zapisują się razem z kontem po kliknięciu „Zapisz”; „Anuluj” zostawia je bez zmian.
main-also-sends-as = Wysyła też jako { $addresses }
compose-options = Opcje
compose-high-priority = Wysoki priorytet
compose-read-receipt = Poproś o potwierdzenie przeczytania
smtp-error-sender-refused = Serwer nie pozwolił wysłać z adresu { $address } ({ $code } { $text }), więc nic nie wysłano. Wiele serwerów wysyła tylko z adresów należących do konta: wybierz innego nadawcę w polu „Od” albo poproś dostawcę o zgodę na ten adres.
settings-check-size = wiadomość jest większa, niż przyjmuje serwer
compose-concern-too-big = Wiadomość ma około { $size }, a serwer przyjmuje najwyżej { $limit }: zostanie odrzucona. Usuń któryś załącznik albo wyślij zamiast pliku odnośnik do niego.
settings-show-checks = sprawdzanie przed wysłaniem: check-attachment = { $attachment }, check-subject = { $subject }, check-domain = { $domain }, check-size = { $size }

# The decimal separator of sizes ("3.5 MB", "3,5 MB"); then the digit group separator ("1,234,567", "1 234 567").
number-decimal-separator = ,
number-group-separator = {"\u00A0"}
date-time = { $day } { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
} { $year }, { $clock }
size-exact-bytes = { $count ->
    [one] { $bytes } bajt
    [few] { $bytes } bajty
   *[many] { $bytes } bajtów
}
