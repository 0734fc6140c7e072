//! Keys typed right after a shortcut that shows a field (Ctrl+Shift+C,
//! Ctrl+Shift+B) go into that field, even when they arrive before the
//! window is drawn again with it.

use super::*;
use iced::keyboard::{self, Key, Modifiers};
use iced_test::runtime::UserInterface;
use iced_test::runtime::user_interface::Cache;

/// A compose window's interface, as iced's runtime keeps it between
/// frames: built from the app's view with the widget state of the frame
/// before (`cache`); `events` are given to it in one batch, and the
/// messages they produce are returned with the state for the next frame.
fn frame(
    app: &App,
    w: window::Id,
    renderer: &mut iced::Renderer,
    cache: Cache,
    events: &[iced::Event],
) -> (Vec<Message>, Cache) {
    let mut ui = UserInterface::build(app.view(w), iced::Size::new(900.0, 640.0), cache, renderer);
    let mut messages = Vec::new();
    let _ = ui.update(
        events,
        iced::mouse::Cursor::Unavailable,
        renderer,
        &mut iced::advanced::clipboard::Null,
        &mut messages,
    );
    (messages, ui.into_cache())
}

/// Gives the messages of a frame to the app; the shortcuts among them
/// (the window's root publishes them in their place among the keys).
/// Fails on any other: a key that reached a field.
fn only_shortcuts(app: &mut App, messages: Vec<Message>) -> Vec<Input> {
    let mut shortcuts = Vec::new();
    for m in messages {
        match m {
            Message::Input(w, input) => {
                shortcuts.push(input.clone());
                let _ = app.update(Message::Input(w, input));
            }
            other => panic!("a key reached a field meanwhile: {other:?}"),
        }
    }
    shortcuts
}

/// The first frame of window `w`, with the focus put in `field`; the
/// widget state for the next frame.
fn focused(
    app: &App,
    w: window::Id,
    renderer: &mut iced::Renderer,
    field: iced::widget::Id,
) -> Cache {
    let (_, cache) = frame(app, w, renderer, Cache::default(), &[]);
    let mut ui = UserInterface::build(app.view(w), iced::Size::new(900.0, 640.0), cache, renderer);
    let mut focus = iced::advanced::widget::operation::focusable::focus::<()>(field);
    ui.operate(
        renderer,
        &mut iced::advanced::widget::operation::black_box(&mut focus),
    );
    ui.into_cache()
}

fn renderer() -> iced::Renderer {
    let backend = std::env::var("ICED_TEST_BACKEND").ok();
    futures::executor::block_on(<iced::Renderer as iced::advanced::renderer::Headless>::new(
        iced::Font::DEFAULT,
        iced::Pixels(14.0),
        backend.as_deref(),
    ))
    .expect("a headless renderer")
}

fn press(key: Key, modifiers: Modifiers) -> iced::Event {
    iced::Event::Keyboard(keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key.clone(),
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    })
}

/// A fourth tryout pressed Ctrl+Shift+B and typed an address at once:
/// it landed in Cc, where the focus was, because Bcc appeared only after
/// the next frame and the task that focuses it ran later still. The
/// window's root now holds those keys and gives them to Bcc.
#[test]
fn keys_typed_right_after_ctrl_shift_b_go_into_bcc() {
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "anna@example.com".into(),
            cc: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    let mut renderer = renderer();
    // Frame 1: the cursor in Cc (Bcc not shown).
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "cc"));
    // Frame 2: Ctrl+Shift+B and the address typed in the same batch, as
    // a fast typist's keys arrive before the window is drawn again.
    let mut events = vec![press(
        Key::Character("B".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    )];
    events.extend(iced_test::simulator::typewrite("ola@x.pl"));
    let (typed, cache) = frame(&app, w, &mut renderer, cache, &events);
    // The app handles the shortcut: Bcc shows.
    assert!(matches!(
        only_shortcuts(&mut app, typed).as_slice(),
        [Input::ShowBcc]
    ));
    // Frame 3: drawn with Bcc; the next event (the redraw) gives it the
    // keys held.
    let redraw = iced::Event::Window(window::Event::RedrawRequested(std::time::Instant::now()));
    let (typed, _) = frame(&app, w, &mut renderer, cache, &[redraw]);
    for m in typed {
        let _ = app.update(m);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert_eq!(c.draft().bcc, "ola@x.pl");
    assert_eq!(c.draft().cc, "jan@example.com", "Cc as it was");
}

/// Keys held for a field that does not appear are not lost: after a
/// moment they go where the focus is.
#[test]
fn keys_held_for_a_field_that_never_appears_go_where_the_focus_is() {
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            cc: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    let mut renderer = renderer();
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "cc"));
    let mut events = vec![press(
        Key::Character("B".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    )];
    events.extend(iced_test::simulator::typewrite("ab"));
    let (typed, cache) = frame(&app, w, &mut renderer, cache, &events);
    // The app never shows Bcc (its shortcut message is dropped); the
    // redraw the root asked for comes.
    assert!(typed.iter().all(|m| matches!(m, Message::Input(..))));
    std::thread::sleep(Duration::from_millis(800));
    let redraw = iced::Event::Window(window::Event::RedrawRequested(std::time::Instant::now()));
    let (typed, _) = frame(&app, w, &mut renderer, cache, &[redraw]);
    for m in typed {
        let _ = app.update(m);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert_eq!(c.draft().cc, "jan@example.comab");
}

/// Both shortcuts in one burst of keys (as the window got them in a
/// real run: Ctrl+Shift+B came while Cc was still awaited), then Tab and
/// the subject: the keys after each go into its own field.
#[test]
fn ctrl_shift_c_and_ctrl_shift_b_in_one_burst_each_get_their_own_keys() {
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "anna@example.com".into(),
            ..Draft::default()
        },
    );
    let mut renderer = renderer();
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "to"));
    let shortcut = |c: &str| press(Key::Character(c.into()), Modifiers::CTRL | Modifiers::SHIFT);
    let mut events = vec![shortcut("C")];
    events.extend(iced_test::simulator::typewrite("jan@x.pl"));
    events.push(shortcut("B"));
    events.extend(iced_test::simulator::typewrite("ola@x.pl"));
    // Tab among the held keys moves on from Bcc, as typed (a tryout's
    // subject went into Bcc).
    events.extend(iced_test::simulator::tap_key(
        Key::Named(keyboard::key::Named::Tab),
        None,
    ));
    events.extend(iced_test::simulator::typewrite("Temat"));
    let (typed, cache) = frame(&app, w, &mut renderer, cache, &events);
    assert!(matches!(
        only_shortcuts(&mut app, typed).as_slice(),
        [Input::ShowCc, Input::ShowBcc]
    ));
    let redraw = iced::Event::Window(window::Event::RedrawRequested(std::time::Instant::now()));
    let (typed, _) = frame(&app, w, &mut renderer, cache, &[redraw]);
    for m in typed {
        let _ = app.update(m);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert_eq!(
        (
            c.draft().to.as_str(),
            c.draft().cc.as_str(),
            c.draft().bcc.as_str(),
            c.draft().subject.as_str()
        ),
        ("anna@example.com", "jan@x.pl", "ola@x.pl", "Temat")
    );
}

/// A fifth tryout typed six paths, each with Enter, in one burst: the
/// field's widget still held the paths taken, so the next ran on after
/// them ("…/f1.txt/tmp/…/f2.txt") and files were never attached. Each
/// Enter now takes only what was typed after the one before.
#[test]
fn paths_typed_with_enter_in_one_burst_are_each_attached_whole() {
    let (mut app, acc, home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let names = ["f1.txt", "f2.txt", "f3.txt"];
    let mut renderer = renderer();
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "attach"));
    let mut events = Vec::new();
    for name in names {
        let path = home.path().join(name);
        std::fs::write(&path, name).unwrap();
        events.extend(
            iced_test::simulator::typewrite(&path.display().to_string()).collect::<Vec<_>>(),
        );
        events.extend(iced_test::simulator::tap_key(
            Key::Named(keyboard::key::Named::Enter),
            None,
        ));
    }
    let (typed, _) = frame(&app, w, &mut renderer, cache, &events);
    for m in typed {
        support::app::send(&mut app, &rt, m);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    let attached: Vec<String> = c
        .draft()
        .attachments
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(attached, names);
    assert_eq!(c.attach_path(), "", "nothing left over in the field");
}

/// A fifth tryout pressed Down five times in Sent and the third row
/// opened: each Down was a task, and the keys after it still found the
/// focus where it had been. The window's root moves it at once.
#[test]
fn five_quick_downs_in_a_list_reach_the_sixth_row() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    for n in 0..8 {
        app.store
            .save_draft(
                &format!("d{n}"),
                &Draft {
                    account: Some(acc.id.clone()),
                    subject: format!("Szkic {n}"),
                    ..Draft::default()
                },
            )
            .unwrap();
    }
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let main = app.main_id.unwrap_or_else(window::Id::unique);
    app.main_id = Some(main);
    app.windows.insert(main, Screen::Main);
    let _ = app.update(Message::Main(main_window::Message::Tab(
        main_window::Tab::Drafts,
    )));
    let mut renderer = renderer();
    let cache = focused(&app, main, &mut renderer, main_window::row_id(0));
    let mut events = Vec::new();
    for _ in 0..5 {
        events.extend(iced_test::simulator::tap_key(
            Key::Named(keyboard::key::Named::ArrowDown),
            None,
        ));
    }
    events.extend(iced_test::simulator::tap_key(
        Key::Named(keyboard::key::Named::Enter),
        None,
    ));
    let (said, _) = frame(&app, main, &mut renderer, cache, &events);
    let sixth = app.drafts[5].id.clone();
    assert!(
        said.iter().any(|m| matches!(
            m,
            Message::Main(main_window::Message::OpenDraft(id)) if *id == sixth
        )),
        "{said:?}"
    );
}

/// Tryout 6 pressed Ctrl+W and typed on: the "keep the draft?" question
/// appears only after the next frame, so the keys went into the body (and
/// took a queued message back), and a later Space pressed "Keep" by
/// chance. The keys after Ctrl+W now wait for the question, whose focus
/// is on "Keep the draft".
#[test]
fn keys_typed_right_after_ctrl_w_answer_the_question_not_the_body() {
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "anna@example.com".into(),
            body: "Treść".into(),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(
        w,
        compose::Message::Subject("Pytanie".into()),
    ));
    let mut renderer = renderer();
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "body"));
    let mut events = vec![press(Key::Character("w".into()), Modifiers::CTRL)];
    events.extend(iced_test::simulator::typewrite("x"));
    events.push(press(
        Key::Named(keyboard::key::Named::Space),
        Modifiers::empty(),
    ));
    let (typed, cache) = frame(&app, w, &mut renderer, cache, &events);
    assert!(matches!(
        only_shortcuts(&mut app, typed).as_slice(),
        [Input::CloseWindow]
    ));
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert!(c.is_asking_close());
    let redraw = iced::Event::Window(window::Event::RedrawRequested(std::time::Instant::now()));
    let (typed, _) = frame(&app, w, &mut renderer, cache, &[redraw]);
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert_eq!(c.draft().body, "Treść", "nothing typed into the body");
    assert!(
        !typed.is_empty()
            && typed
                .iter()
                .all(|m| matches!(m, Message::Compose(_, compose::Message::CloseKeep))),
        "the keys went to the question's Keep: {typed:?}"
    );
}

/// Tryout 6's Ctrl+Enter in To sent the message and also moved the
/// cursor to Subject: the field saw the Enter too and submitted. A
/// shortcut is now the window's alone.
#[test]
fn ctrl_enter_in_to_sends_and_leaves_the_cursor_there() {
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "anna@example.com".into(),
            subject: "Temat".into(),
            ..Draft::default()
        },
    );
    let mut renderer = renderer();
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "to"));
    let enter = press(Key::Named(keyboard::key::Named::Enter), Modifiers::CTRL);
    let (typed, _) = frame(&app, w, &mut renderer, cache, &[enter]);
    // Only the shortcut: no Submitted("to") that moves on.
    assert!(matches!(
        only_shortcuts(&mut app, typed).as_slice(),
        [Input::Send]
    ));
    // Nor does Ctrl+Shift+A reach the field as Ctrl+A (select all), then
    // "x" replace its text: the typed letter goes after it.
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "to"));
    let mut keys = vec![press(
        Key::Character("A".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    )];
    keys.extend(iced_test::simulator::typewrite("x"));
    let (typed, _) = frame(&app, w, &mut renderer, cache, &keys);
    let to: Vec<String> = typed
        .iter()
        .filter_map(|m| match m {
            Message::Compose(_, compose::Message::To(t)) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        to,
        ["anna@example.comx"],
        "the text kept, the letter after it"
    );
}

/// Issue 13: a suggestion is chosen from the keyboard, as in Thunderbird
/// and Geary: Down marks the first, Down again the next, Up goes back,
/// Enter inserts the one marked with its name; the keys never reach the
/// field, and the cursor stays in To for the next address.
#[test]
fn down_and_enter_choose_an_address_suggestion() {
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    // Anna written to more often: she is suggested first.
    koperta::contacts::Contacts::update(&app.store.contacts_path(), |book| {
        book.learn(
            &[
                (Some("Anna Nowak".into()), "anna@example.org".into()),
                (Some("Piotr Nowakowski".into()), "piotr@example.org".into()),
            ],
            koperta::outbox::now(),
        );
        book.learn(
            &[(Some("Anna Nowak".into()), "anna@example.org".into())],
            koperta::outbox::now(),
        )
    })
    .unwrap();
    let reread = app.refresh();
    support::app::drive(&mut app, &rt, reread);
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com, ".into(),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(
        w,
        compose::Message::To("jan@example.com, nowak".into()),
    ));
    let mut renderer = renderer();
    let mut cache = focused(&app, w, &mut renderer, compose::field_id(w, "to"));
    let key = |named| press(Key::Named(named), Modifiers::empty());
    use keyboard::key::Named;
    // Each key in a frame of its own, as a person types them.
    for named in [
        Named::ArrowDown,
        Named::ArrowDown,
        Named::ArrowUp,
        Named::Enter,
    ] {
        let (messages, next) = frame(&app, w, &mut renderer, cache, &[key(named)]);
        cache = next;
        for m in messages {
            assert!(
                matches!(
                    m,
                    Message::Compose(
                        _,
                        compose::Message::Highlight(_) | compose::Message::Suggest(_)
                    )
                ),
                "a key reached the field: {m:?}"
            );
            let _ = app.update(m);
        }
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert_eq!(
        c.draft().to,
        "jan@example.com, Anna Nowak <anna@example.org>, ",
        "the first, marked again by Up"
    );
    assert_eq!(c.highlight(), None);
}

/// Tryout 14 typed "nowak" in To and pressed Enter with the suggestion
/// shown: the cursor moved on and "nowak" stayed. Enter with none marked
/// takes the first suggestion, as Thunderbird completes it; a complete
/// address typed is kept as it is.
#[test]
fn enter_takes_the_first_suggestion_unless_an_address_is_typed() {
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    koperta::contacts::Contacts::update(&app.store.contacts_path(), |book| {
        book.learn(
            &[
                (Some("Anna Nowak".into()), "anna@example.org".into()),
                (Some("Ewa Lis".into()), "ewa@example.org.pl".into()),
            ],
            koperta::outbox::now(),
        )
    })
    .unwrap();
    let reread = app.refresh();
    support::app::drive(&mut app, &rt, reread);
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let enter = press(Key::Named(keyboard::key::Named::Enter), Modifiers::empty());
    let mut renderer = renderer();
    for (typed, expected) in [
        ("nowak", "Anna Nowak <anna@example.org>, "),
        ("ewa@example.org", "ewa@example.org"),
    ] {
        let _ = app.update(Message::Compose(w, compose::Message::To(typed.into())));
        let cache = focused(&app, w, &mut renderer, compose::field_id(w, "to"));
        let (messages, _) = frame(&app, w, &mut renderer, cache, std::slice::from_ref(&enter));
        for m in messages {
            let _ = app.update(m);
        }
        let Some(Screen::Compose(c)) = app.windows.get(&w) else {
            panic!("compose window");
        };
        assert_eq!(c.draft().to, expected, "typed {typed:?}");
    }
}

/// Tryout 7's first Tab in the wizard stopped on a disabled Next. A
/// disabled button is no stop of Tab (as in GNOME and Thunderbird): Tab
/// goes on to the next control that works, and Enter presses it.
#[test]
fn tab_skips_a_disabled_button() {
    use koperta::ui::widget::button;
    #[derive(Debug, Clone, PartialEq)]
    enum M {
        Typed(String),
        Pressed,
    }
    let w = window::Id::unique();
    let view = || -> iced::Element<'_, M> {
        koperta::ui::focus::scope(
            w,
            iced::widget::column![
                iced::widget::text_input("", "")
                    .id("first")
                    .on_input(M::Typed),
                button(iced::widget::text("Dalej")),
                button(iced::widget::text("Wstecz")).on_press(M::Pressed),
            ],
        )
        .into()
    };
    let mut renderer = renderer();
    let size = iced::Size::new(400.0, 300.0);
    let ui = UserInterface::build(view(), size, Cache::default(), &mut renderer);
    let mut ui = UserInterface::build(view(), size, ui.into_cache(), &mut renderer);
    let mut focus = iced::advanced::widget::operation::focusable::focus::<()>("first".into());
    ui.operate(
        &renderer,
        &mut iced::advanced::widget::operation::black_box(&mut focus),
    );
    let cache = ui.into_cache();
    let mut ui = UserInterface::build(view(), size, cache, &mut renderer);
    let mut messages = Vec::new();
    let _ = ui.update(
        &[
            press(Key::Named(keyboard::key::Named::Tab), Modifiers::empty()),
            press(Key::Named(keyboard::key::Named::Enter), Modifiers::empty()),
        ],
        iced::mouse::Cursor::Unavailable,
        &mut renderer,
        &mut iced::advanced::clipboard::Null,
        &mut messages,
    );
    assert_eq!(messages, [M::Pressed], "Tab went past the disabled one");
}

/// Tryout 10's app ran more than a second behind the typing: the keys
/// held for Bcc were given up on (750 ms) before the app had even handled
/// Ctrl+Shift+B, and went into Cc. They are given up on only once a view
/// built since could have shown the field.
#[test]
fn keys_held_for_bcc_wait_for_an_app_running_late() {
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            cc: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    let mut renderer = renderer();
    let cache = focused(&app, w, &mut renderer, compose::field_id(w, "cc"));
    // One view, its events in two batches 0.8 s apart, as a late app
    // handles its backlog before it builds the next view.
    let mut ui = UserInterface::build(
        app.view(w),
        iced::Size::new(900.0, 640.0),
        cache,
        &mut renderer,
    );
    let mut typed = Vec::new();
    let mut events = vec![press(
        Key::Character("B".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    )];
    events.extend(iced_test::simulator::typewrite("ola"));
    let _ = ui.update(
        &events,
        iced::mouse::Cursor::Unavailable,
        &mut renderer,
        &mut iced::advanced::clipboard::Null,
        &mut typed,
    );
    std::thread::sleep(Duration::from_millis(800));
    let more: Vec<iced::Event> = iced_test::simulator::typewrite("@x.pl").collect();
    let _ = ui.update(
        &more,
        iced::mouse::Cursor::Unavailable,
        &mut renderer,
        &mut iced::advanced::clipboard::Null,
        &mut typed,
    );
    let cache = ui.into_cache();
    assert!(matches!(
        only_shortcuts(&mut app, typed).as_slice(),
        [Input::ShowBcc]
    ));
    let redraw = iced::Event::Window(window::Event::RedrawRequested(std::time::Instant::now()));
    let (typed, _) = frame(&app, w, &mut renderer, cache, &[redraw]);
    for m in typed {
        let _ = app.update(m);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window");
    };
    assert_eq!(c.draft().bcc, "ola@x.pl");
    assert_eq!(c.draft().cc, "jan@example.com", "Cc as it was");
}
